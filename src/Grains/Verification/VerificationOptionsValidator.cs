using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Verification;

/// <summary>Stops start-up on bad <see cref="VerificationOptions"/>; each failure names its key.</summary>
internal sealed class VerificationOptionsValidator : IValidateOptions<VerificationOptions>
{
    private const string Prefix = VerificationOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, VerificationOptions options)
    {
        var failures = new List<string>();
        if (options.CodeLifetime < TimeSpan.FromMinutes(1) || options.CodeLifetime > TimeSpan.FromDays(1))
        {
            failures.Add($"{Prefix}{nameof(VerificationOptions.CodeLifetime)} must be between 00:01:00 and 1.00:00:00 (was {options.CodeLifetime}).");
        }
        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add($"{Prefix}{nameof(VerificationOptions.MaxAttempts)} must be between 1 and 20 (was {options.MaxAttempts}).");
        }
        if (options.ResendInterval < TimeSpan.Zero || options.ResendInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Prefix}{nameof(VerificationOptions.ResendInterval)} must be between 00:00:00 and 01:00:00 (was {options.ResendInterval}).");
        }
        if (options.MaxSendsPerHour is < 1 or > 100)
        {
            failures.Add($"{Prefix}{nameof(VerificationOptions.MaxSendsPerHour)} must be between 1 and 100 (was {options.MaxSendsPerHour}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
