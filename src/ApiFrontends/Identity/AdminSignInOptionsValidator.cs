using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>Stops start-up on bad <see cref="AdminSignInOptions"/>; each failure names its key.</summary>
internal sealed class AdminSignInOptionsValidator : IValidateOptions<AdminSignInOptions>
{
    private const string Prefix = AdminSignInOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, AdminSignInOptions options)
    {
        var failures = new List<string>();
        // The issuer is the label of an otpauth URI, where ':' separates issuer from account.
        if (string.IsNullOrWhiteSpace(options.TwoFactorIssuer) || options.TwoFactorIssuer.Length > 64 || options.TwoFactorIssuer.Contains(':'))
        {
            failures.Add($"{Prefix}{nameof(AdminSignInOptions.TwoFactorIssuer)} must be 1 to 64 characters without ':' (was '{options.TwoFactorIssuer}').");
        }
        if (options.ChallengeMinutes is < 1 or > 15)
        {
            failures.Add($"{Prefix}{nameof(AdminSignInOptions.ChallengeMinutes)} must be between 1 and 15 (was {options.ChallengeMinutes}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
