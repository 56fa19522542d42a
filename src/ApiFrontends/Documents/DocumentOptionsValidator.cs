using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Documents;

internal sealed class DocumentOptionsValidator : IValidateOptions<DocumentOptions>
{
    private const string Prefix = DocumentOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, DocumentOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBytes is < 1024 or > DocumentOptions.DefaultMaxBytes)
        {
            failures.Add($"{Prefix}{nameof(DocumentOptions.MaxBytes)} must be between 1024 and {DocumentOptions.DefaultMaxBytes} (was {options.MaxBytes}).");
        }
        if (options.LinkLifetimeSeconds is < 5 or > 3600)
        {
            failures.Add($"{Prefix}{nameof(DocumentOptions.LinkLifetimeSeconds)} must be between 5 and 3600 (was {options.LinkLifetimeSeconds}).");
        }
        if (!string.IsNullOrWhiteSpace(options.LinkSigningKey))
        {
            var key = new byte[options.LinkSigningKey.Length];
            if (!Convert.TryFromBase64String(options.LinkSigningKey, key, out var length))
            {
                failures.Add($"{Prefix}{nameof(DocumentOptions.LinkSigningKey)} is not valid base64.");
            }
            else if (length < DocumentOptions.MinimumLinkKeyBytes)
            {
                failures.Add($"{Prefix}{nameof(DocumentOptions.LinkSigningKey)} decodes to {length} bytes; at least {DocumentOptions.MinimumLinkKeyBytes} are required.");
            }
        }
        if (options.Directory is { } directory && (string.IsNullOrWhiteSpace(directory) || directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            failures.Add($"{Prefix}{nameof(DocumentOptions.Directory)} is not a usable path ('{directory}').");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
