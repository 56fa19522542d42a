using GxProtocol.Fabric.Identity;
using Microsoft.Extensions.Options;

namespace GxProtocol.Fabric.Configuration;

/// <summary>Stops start-up on a bad <see cref="FabricOptions"/> with messages naming the configuration key.</summary>
public sealed class FabricOptionsValidator(string sectionPath = FabricOptions.SectionName) : IValidateOptions<FabricOptions>
{
    public ValidateOptionsResult Validate(string? name, FabricOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            failures.Add($"{sectionPath}:Endpoint must be an absolute http:// or https:// URI (got '{options.Endpoint}').");
        }
        if (string.IsNullOrWhiteSpace(options.MspId))
        {
            failures.Add($"{sectionPath}:MspId is required.");
        }
        if (string.IsNullOrWhiteSpace(options.ChannelName))
        {
            failures.Add($"{sectionPath}:ChannelName is required.");
        }
        if (string.IsNullOrWhiteSpace(options.ChaincodeName))
        {
            failures.Add($"{sectionPath}:ChaincodeName is required.");
        }
        CheckPositive(failures, options.EvaluateTimeout, nameof(options.EvaluateTimeout));
        CheckPositive(failures, options.EndorseTimeout, nameof(options.EndorseTimeout));
        CheckPositive(failures, options.SubmitTimeout, nameof(options.SubmitTimeout));
        CheckPositive(failures, options.CommitStatusTimeout, nameof(options.CommitStatusTimeout));

        string? certificate = ReadPem(failures, options.CertificatePem, options.CertificatePath, "Certificate", required: true);
        string? key = ReadPem(failures, options.PrivateKeyPem, options.PrivateKeyPath, "PrivateKey", required: true);
        if (certificate is not null && key is not null && !string.IsNullOrWhiteSpace(options.MspId))
        {
            try
            {
                SigningIdentity.FromPem(options.MspId, certificate, key).Dispose();
            }
            catch (ArgumentException exception)
            {
                failures.Add($"{sectionPath}:CertificatePem/PrivateKeyPem: {exception.Message}");
            }
        }
        ReadPem(failures, options.TlsCaCertificatePem, options.TlsCaCertificatePath, "TlsCaCertificate", required: false);
        string? clientCertificate = ReadPem(failures, options.TlsClientCertificatePem, options.TlsClientCertificatePath, "TlsClientCertificate", required: false);
        string? clientKey = ReadPem(failures, options.TlsClientKeyPem, options.TlsClientKeyPath, "TlsClientKey", required: false);
        if ((clientCertificate is null) != (clientKey is null))
        {
            failures.Add($"{sectionPath}:TlsClientCertificatePem and {sectionPath}:TlsClientKeyPem must be given together for mutual TLS.");
        }
        if ((clientCertificate is not null || options.TlsCaCertificatePem is not null || options.TlsCaCertificatePath is not null)
            && endpoint is not null && endpoint.Scheme != "https")
        {
            failures.Add($"{sectionPath}:Endpoint must use https:// when TLS certificates are configured.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckPositive(List<string> failures, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{sectionPath}:{key} must be a positive duration (got {value}).");
        }
    }

    private string? ReadPem(List<string> failures, string? inline, string? path, string key, bool required)
    {
        try
        {
            string? pem = FabricOptions.Resolve(inline, path);
            if (pem is null && required)
            {
                failures.Add($"{sectionPath}:{key}Pem or {sectionPath}:{key}Path is required.");
            }
            return pem;
        }
        catch (IOException exception)
        {
            failures.Add($"{sectionPath}:{key}Path cannot be read: {exception.Message}");
        }
        catch (UnauthorizedAccessException exception)
        {
            failures.Add($"{sectionPath}:{key}Path cannot be read: {exception.Message}");
        }
        return null;
    }
}
