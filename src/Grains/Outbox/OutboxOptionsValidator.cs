using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Outbox;

/// <summary>Stops start-up on bad <see cref="OutboxOptions"/>; each failure names its key.</summary>
internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    private const string Prefix = OutboxOptions.SectionName + ":";

    /// <summary>
    /// A submission still waiting after this long holds one of its shard's slots for nothing: the ledger client gives up
    /// on a commit status after a minute by default.
    /// </summary>
    internal static readonly TimeSpan MaxSubmitTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.ShardCount is < 1 or > 1024)
        {
            failures.Add($"{Prefix}{nameof(OutboxOptions.ShardCount)} must be between 1 and 1024 (was {options.ShardCount}).");
        }
        if (options.MaxConcurrentSubmissionsPerShard is < 1 or > 1024)
        {
            failures.Add($"{Prefix}{nameof(OutboxOptions.MaxConcurrentSubmissionsPerShard)} must be between 1 and 1024 (was {options.MaxConcurrentSubmissionsPerShard}).");
        }
        if (options.MaxAttempts is < 1 or > 1000)
        {
            failures.Add($"{Prefix}{nameof(OutboxOptions.MaxAttempts)} must be between 1 and 1000 (was {options.MaxAttempts}).");
        }
        if (options.BaseRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.BaseRetryDelay)
        {
            failures.Add($"{Prefix}{nameof(OutboxOptions.BaseRetryDelay)} must be positive and not above {Prefix}{nameof(OutboxOptions.MaxRetryDelay)} " +
                $"(was {options.BaseRetryDelay} and {options.MaxRetryDelay}).");
        }
        if (options.SubmitTimeout <= TimeSpan.Zero || options.SubmitTimeout > MaxSubmitTimeout)
        {
            failures.Add($"{Prefix}{nameof(OutboxOptions.SubmitTimeout)} must be positive and at most {MaxSubmitTimeout} (was {options.SubmitTimeout}).");
        }
        if (options.FinishedRetention < TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Prefix}{nameof(OutboxOptions.FinishedRetention)} must be at least a minute (was {options.FinishedRetention}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
