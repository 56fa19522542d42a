using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Documents;

internal sealed class ClamAvOptionsValidator : IValidateOptions<ClamAvOptions>
{
    private const string Prefix = ClamAvOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ClamAvOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Endpoint) && !options.TryParseEndpoint(out _, out _))
        {
            failures.Add($"{Prefix}{nameof(ClamAvOptions.Endpoint)} must be host:port (e.g. 127.0.0.1:3310); was '{options.Endpoint}'.");
        }
        if (options.Enabled == true && string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add($"{Prefix}{nameof(ClamAvOptions.Endpoint)} is required when {Prefix}{nameof(ClamAvOptions.Enabled)} is true.");
        }
        if (options.TimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"{Prefix}{nameof(ClamAvOptions.TimeoutSeconds)} must be between 1 and 600 (was {options.TimeoutSeconds}).");
        }
        if (options.ChunkBytes is < 1024 or > 1024 * 1024)
        {
            failures.Add($"{Prefix}{nameof(ClamAvOptions.ChunkBytes)} must be between 1024 and 1048576 (was {options.ChunkBytes}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
