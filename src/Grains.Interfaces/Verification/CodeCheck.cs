namespace GxProtocol.Grains.Interfaces.Verification;

public enum CodeCheckOutcome
{
    Confirmed = 0,
    Wrong = 1,
    Expired = 2,
    /// <summary>No code waits: none was sent, or the last one was used already.</summary>
    NotPending = 3,
    /// <summary>Too many wrong tries: the code no longer works, even when right; a new one must be requested.</summary>
    Locked = 4,
}

[GenerateSerializer, Alias("gx.CodeCheck")]
public sealed record CodeCheck(
    [property: Id(0)] CodeCheckOutcome Outcome,
    [property: Id(1)] int AttemptsLeft = 0);
