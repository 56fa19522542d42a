namespace GxProtocol.Grains.ReadModels;

/// <summary>Adds <see cref="Delta"/> to the named counter (a missing counter is zero).</summary>
public sealed record CounterDelta(string Name, long Delta);
