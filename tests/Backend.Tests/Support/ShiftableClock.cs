namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// The system clock plus an offset a test moves forward: grains and the ledger client's transaction timestamps follow
/// it, so a 14-day voting window or a 360-day idle period passes in an instant. Timers and delays keep real time.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
