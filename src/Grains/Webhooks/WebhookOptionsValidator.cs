using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Webhooks;

/// <summary>Stops start-up on bad <see cref="WebhookOptions"/>; each failure names its key.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    private const string Prefix = WebhookOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        for (int i = 0; i < options.AllowedHosts.Length; i++)
        {
            var host = options.AllowedHosts[i];
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/'))
            {
                failures.Add($"{Prefix}{nameof(WebhookOptions.AllowedHosts)}:{i} must be a host name, a *.domain wildcard or an IP address (was '{host}').");
            }
        }
        if (options.LargeTransferThresholdCoins <= 0)
        {
            failures.Add($"{Prefix}{nameof(WebhookOptions.LargeTransferThresholdCoins)} must be positive (was {options.LargeTransferThresholdCoins}).");
        }
        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{Prefix}{nameof(WebhookOptions.MaxAttempts)} must be between 1 and 100 (was {options.MaxAttempts}).");
        }
        if (options.BaseRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.BaseRetryDelay)
        {
            failures.Add($"{Prefix}{nameof(WebhookOptions.BaseRetryDelay)} must be positive and not above {Prefix}{nameof(WebhookOptions.MaxRetryDelay)} " +
                $"(was {options.BaseRetryDelay} and {options.MaxRetryDelay}).");
        }
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{Prefix}{nameof(WebhookOptions.RequestTimeout)} must be positive and at most two minutes (was {options.RequestTimeout}).");
        }
        if (options.MaxEndpoints is < 1 or > 1000)
        {
            failures.Add($"{Prefix}{nameof(WebhookOptions.MaxEndpoints)} must be between 1 and 1000 (was {options.MaxEndpoints}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
