namespace GxProtocol.Grains.Interfaces.Idempotency;

public enum IdempotencyOutcome
{
    /// <summary>First request under this key (or the previous attempt was abandoned): run it.</summary>
    Proceed = 0,

    /// <summary>Already answered for the same request: send the stored response again.</summary>
    Replay = 1,

    /// <summary>The key was used for a different request.</summary>
    Conflict = 2,

    /// <summary>The same request is running right now.</summary>
    InProgress = 3,
}
