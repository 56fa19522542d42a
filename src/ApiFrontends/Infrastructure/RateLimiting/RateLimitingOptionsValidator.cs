using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Infrastructure.RateLimiting;

internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    private const int Ceiling = 1_000_000;

    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var failures = new List<string>();
        Positive(nameof(options.PermitsPerSecond), options.PermitsPerSecond);
        Positive(nameof(options.Burst), options.Burst);
        Positive(nameof(options.WritePermitsPerSecond), options.WritePermitsPerSecond);
        Positive(nameof(options.WriteBurst), options.WriteBurst);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Positive(string key, int value)
        {
            if (value is < 1 or > Ceiling)
            {
                failures.Add($"{RateLimitingOptions.SectionName}:{key} must be between 1 and {Ceiling} (was {value}).");
            }
        }
    }
}
