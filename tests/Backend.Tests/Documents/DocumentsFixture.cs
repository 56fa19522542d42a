using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Documents;

/// <summary>One in-process cluster and one real clamd for the document route tests; each test starts the API it needs.</summary>
public sealed class DocumentsFixture : IAsyncLifetime
{
    private readonly MemoryLedgerClusterFixture _cluster = new();

    public IClusterClient Grains => _cluster.Client;

    public ClamdProcess Clamd { get; private set; } = null!;

    /// <summary>Settings that make every upload go through this fixture's clamd.</summary>
    public Dictionary<string, string?> Scanning() => new() { ["Gx:Documents:ClamAv:Endpoint"] = Clamd.Endpoint };

    public async Task InitializeAsync()
    {
        // clamd loads its database while the cluster starts.
        var clamd = ClamdProcess.StartAsync();
        try
        {
            await _cluster.InitializeAsync();
        }
        catch
        {
            await (await clamd).DisposeAsync();
            throw;
        }
        Clamd = await clamd;
    }

    public async Task DisposeAsync()
    {
        if (Clamd is not null)
        {
            await Clamd.DisposeAsync();
        }
        await _cluster.DisposeAsync();
    }
}
