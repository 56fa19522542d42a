using GxProtocol.Contract;
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
        if (options.DefaultRole is not null && !CallerRoles.IsKnown(options.DefaultRole))
        {
            failures.Add($"{sectionPath}:DefaultRole must be one of {string.Join(", ", CallerRoles.All)} (got '{options.DefaultRole}').");
        }
        for (int i = 0; i < options.Identities.Count; i++)
        {
            var identity = options.Identities[i];
            string key = $"{sectionPath}:Identities:{i}";
            if (!CallerRoles.IsKnown(identity.Role))
            {
                failures.Add($"{key}:Role must be one of {string.Join(", ", CallerRoles.All)} (got '{identity.Role}').");
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
        ValidateTls(failures, options.Tls);
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

    private void ValidateTls(List<string> failures, DevLedgerTlsOptions tls)
    {
        string key = $"{sectionPath}:Tls";
        string? certificate = ReadPem(failures, tls.CertificatePem, tls.CertificatePath, $"{key}:Certificate");
        string? privateKey = ReadPem(failures, tls.PrivateKeyPem, tls.PrivateKeyPath, $"{key}:PrivateKey");
        string? clientCa = ReadPem(failures, tls.ClientCaCertificatePem, tls.ClientCaCertificatePath, $"{key}:ClientCaCertificate");
        bool certificateGiven = tls.Enabled;
        bool keyGiven = !string.IsNullOrWhiteSpace(tls.PrivateKeyPem) || !string.IsNullOrWhiteSpace(tls.PrivateKeyPath);
        bool clientCaGiven = !string.IsNullOrWhiteSpace(tls.ClientCaCertificatePem) || !string.IsNullOrWhiteSpace(tls.ClientCaCertificatePath);
        if (certificateGiven && !keyGiven)
        {
            failures.Add($"{key}:PrivateKeyPem or {key}:PrivateKeyPath is required with a TLS server certificate.");
        }
        if (!certificateGiven && (keyGiven || clientCaGiven))
        {
            failures.Add($"{key}:CertificatePem or {key}:CertificatePath is required when other TLS settings are given (without it the DevLedger serves h2c).");
        }
        if (certificate is not null && privateKey is not null)
        {
            try
            {
                using var server = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(certificate, privateKey);
                if (server.NotAfter < DateTime.Now)
                {
                    failures.Add($"{key}:CertificatePem has expired ({server.NotAfter:u}).");
                }
            }
            catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                failures.Add($"{key}:CertificatePem/{key}:PrivateKeyPem are not a PEM certificate and its matching private key: {exception.Message}");
            }
        }
        if (clientCa is not null)
        {
            var authorities = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
            try
            {
                authorities.ImportFromPem(clientCa);
                if (authorities.Count == 0)
                {
                    failures.Add($"{key}:ClientCaCertificatePem contains no PEM certificate.");
                }
            }
            catch (System.Security.Cryptography.CryptographicException exception)
            {
                failures.Add($"{key}:ClientCaCertificatePem is not PEM certificates: {exception.Message}");
            }
            foreach (var authority in authorities)
            {
                authority.Dispose();
            }
        }
    }

    /// <summary>Inline PEM or the file's text; an unreadable file is a failure naming the …Path key.</summary>
    private static string? ReadPem(List<string> failures, string? inline, string? path, string key)
    {
        try
        {
            return DevLedgerTlsOptions.Resolve(inline, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            failures.Add($"{key}Path cannot be read: {exception.Message}");
            return null;
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
