namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// Failed logins of one e-mail address (keyed like <see cref="IUserDirectoryGrain"/>), whether or not a user has it, so
/// the limit itself reveals nothing. After <see cref="FreeFailures"/> failures in a row each further one locks the
/// address for twice as long as the last, up to <see cref="MaxLock"/>; a successful login clears it.
/// </summary>
[Alias("gx.ILoginThrottleGrain")]
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxLock = TimeSpan.FromMinutes(15);

    /// <summary>How long the address is still locked; null when a login may be tried now.</summary>
    [Alias("RetryAfter")] Task<TimeSpan?> RetryAfterAsync();

    [Alias("RecordFailure")] Task RecordFailureAsync();

    [Alias("RecordSuccess")] Task RecordSuccessAsync();
}
