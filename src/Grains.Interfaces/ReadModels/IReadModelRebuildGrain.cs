namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>Replays the ledger from block 0 into fresh read models and compares them with the live ones and with grain state.</summary>
[Alias("gx.IReadModelRebuildGrain")]
public interface IReadModelRebuildGrain : IGrainWithIntegerKey
{
    /// <param name="replace">Also put the rebuilt read models in place of the live ones.</param>
    [Alias("Rebuild")] Task<RebuildReport> RebuildAsync(bool replace);
}

/// <summary>What a rebuild found: <see cref="Differences"/> is empty when read models, grains and ledger agree.</summary>
[GenerateSerializer, Immutable, Alias("gx.RebuildReport")]
public sealed record RebuildReport(
    [property: Id(0)] string Checkpoint,
    [property: Id(1)] long EventsReplayed,
    [property: Id(2)] long UnreadableEvents,
    [property: Id(3)] int WalletsCompared,
    [property: Id(4)] IReadOnlyList<string> Differences,
    [property: Id(5)] bool Replaced);
