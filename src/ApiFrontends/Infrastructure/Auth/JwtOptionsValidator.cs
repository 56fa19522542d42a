using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Infrastructure.Auth;

internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    private const string Prefix = JwtOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add($"{Prefix}SigningKey is required: base64 of at least {JwtOptions.MinimumKeyBytes} random bytes " +
                         "(e.g. `openssl rand -base64 32`).");
        }
        else
        {
            var key = new byte[options.SigningKey.Length];
            if (!Convert.TryFromBase64String(options.SigningKey, key, out var length))
            {
                failures.Add($"{Prefix}SigningKey is not valid base64.");
            }
            else if (length < JwtOptions.MinimumKeyBytes)
            {
                failures.Add($"{Prefix}SigningKey decodes to {length} bytes; at least {JwtOptions.MinimumKeyBytes} are required.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{Prefix}Issuer must not be empty.");
        }
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{Prefix}Audience must not be empty.");
        }
        if (options.AccessTokenMinutes is < 1 or > 24 * 60)
        {
            failures.Add($"{Prefix}AccessTokenMinutes must be between 1 and 1440 (was {options.AccessTokenMinutes}).");
        }
        if (options.SessionMaxDays < options.RefreshTokenDays || options.SessionMaxDays > 3650)
        {
            failures.Add($"{Prefix}SessionMaxDays must be between RefreshTokenDays and 3650 (was {options.SessionMaxDays}).");
        }
        if (options.RefreshTokenDays is < 1 or > 365)
        {
            failures.Add($"{Prefix}RefreshTokenDays must be between 1 and 365 (was {options.RefreshTokenDays}).");
        }

        if (options.AdminAccessTokenMinutes < 1 || options.AdminAccessTokenMinutes > options.AccessTokenMinutes)
        {
            failures.Add($"{Prefix}AdminAccessTokenMinutes must be between 1 and AccessTokenMinutes ({options.AccessTokenMinutes}) (was {options.AdminAccessTokenMinutes}).");
        }
        if (options.AdminRefreshIdleMinutes < 1 || options.AdminRefreshIdleMinutes > options.RefreshTokenDays * 24 * 60)
        {
            failures.Add($"{Prefix}AdminRefreshIdleMinutes must be between 1 and RefreshTokenDays in minutes ({options.RefreshTokenDays * 24 * 60}) (was {options.AdminRefreshIdleMinutes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
