using GxProtocol.Fabric.Contract;
using Microsoft.Extensions.Options;

namespace GxProtocol.DevLedger.Configuration;

/// <summary>Stops start-up on bad <see cref="DevLedgerOptions"/> with messages naming the configuration key.</summary>
public sealed class DevLedgerOptionsValidator(string sectionPath = DevLedgerOptions.SectionName) : IValidateOptions<DevLedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, DevLedgerOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"{sectionPath}:Port must be between 0 and 65535 (got {options.Port}).");
        }
        Require(failures, options.ChannelName, "ChannelName");
        Require(failures, options.ChaincodeName, "ChaincodeName");
        Require(failures, options.PeerMspId, "PeerMspId");
        if (options.MaxTransactionsPerBlock is < 1 or > 100_000)
        {
            failures.Add($"{sectionPath}:MaxTransactionsPerBlock must be between 1 and 100000 (got {options.MaxTransactionsPerBlock}).");
        }
        if (options.BatchTimeout <= TimeSpan.Zero || options.BatchTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{sectionPath}:BatchTimeout must be positive and at most one minute (got {options.BatchTimeout}).");
        }
        if (options.DefaultRole is not null && !GxRoles.IsKnown(options.DefaultRole))
        {
            failures.Add($"{sectionPath}:DefaultRole must be one of {string.Join(", ", GxRoles.All)} (got '{options.DefaultRole}').");
        }
        for (int i = 0; i < options.Identities.Count; i++)
        {
            var identity = options.Identities[i];
            string key = $"{sectionPath}:Identities:{i}";
            if (!GxRoles.IsKnown(identity.Role))
            {
                failures.Add($"{key}:Role must be one of {string.Join(", ", GxRoles.All)} (got '{identity.Role}').");
            }
            if (identity.CertificatePem is null && identity.CertificateThumbprint is null && identity.MspId is null && identity.CommonName is null)
            {
                failures.Add($"{key} must name a CertificatePem, CertificateThumbprint, MspId or CommonName.");
            }
            if (identity.CertificatePem is not null)
            {
                try
                {
                    using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(identity.CertificatePem);
                }
                catch (System.Security.Cryptography.CryptographicException exception)
                {
                    failures.Add($"{key}:CertificatePem is not a PEM certificate: {exception.Message}");
                }
            }
        }
        var faults = options.Faults;
        CheckRate(failures, faults.EndorsementFailureRate, "EndorsementFailureRate");
        CheckRate(failures, faults.MvccConflictRate, "MvccConflictRate");
        CheckRate(failures, faults.EndorsementPolicyFailureRate, "EndorsementPolicyFailureRate");
        if (faults.CommitDelay < TimeSpan.Zero)
        {
            failures.Add($"{sectionPath}:Faults:CommitDelay must not be negative.");
        }
        if (faults.RefuseAllCallsFor < TimeSpan.Zero)
        {
            failures.Add($"{sectionPath}:Faults:RefuseAllCallsFor must not be negative.");
        }
        if (faults.DropEventStreamAfterEvents is < 0)
        {
            failures.Add($"{sectionPath}:Faults:DropEventStreamAfterEvents must not be negative.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Validates and throws <see cref="OptionsValidationException"/> listing every failure.</summary>
    public void ThrowIfInvalid(DevLedgerOptions options)
    {
        var result = Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(sectionPath, typeof(DevLedgerOptions), result.Failures);
        }
    }

    private void Require(List<string> failures, string value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{sectionPath}:{key} is required.");
        }
    }

    private void CheckRate(List<string> failures, double rate, string key)
    {
        if (rate is < 0 or > 1 || double.IsNaN(rate))
        {
            failures.Add($"{sectionPath}:Faults:{key} must be between 0 and 1 (got {rate}).");
        }
    }
}
