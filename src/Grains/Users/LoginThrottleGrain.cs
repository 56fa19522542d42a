using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

/// <summary>
/// Per-address login backoff, kept in memory: losing it with a silo only resets a lock, which the per-IP limit still
/// bounds, while persisting every failed attempt would let anonymous callers drive storage writes.
/// </summary>
public sealed class LoginThrottleGrain(TimeProvider clock) : Grain, ILoginThrottleGrain
{
    private int _failures;
    private DateTimeOffset _lockedUntil = DateTimeOffset.MinValue;

    public Task<TimeSpan?> RetryAfterAsync()
    {
        var remaining = _lockedUntil - clock.GetUtcNow();
        return Task.FromResult<TimeSpan?>(remaining > TimeSpan.Zero ? remaining : null);
    }

    public Task RecordFailureAsync()
    {
        _failures++;
        var beyond = _failures - ILoginThrottleGrain.FreeFailures;
        if (beyond > 0)
        {
            var seconds = Math.Min(Math.Pow(2, beyond - 1), ILoginThrottleGrain.MaxLock.TotalSeconds);
            _lockedUntil = clock.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        }
        // Keeps the activation (and the count) while the address is under attack.
        DelayDeactivation(ILoginThrottleGrain.MaxLock);
        return Task.CompletedTask;
    }

    public Task RecordSuccessAsync()
    {
        _failures = 0;
        _lockedUntil = DateTimeOffset.MinValue;
        return Task.CompletedTask;
    }
}
