using GxProtocol.ApiFrontends.Documents;
using Microsoft.Extensions.Options;

namespace GxProtocol.Backend.Tests.Documents;

/// <summary>The INSTREAM client against a real clamd, chunk by chunk.</summary>
[Trait("Category", "Process")]
[Trait("Category", "Slow")]
[Trait("Category", "Documents")]
public sealed class ClamAvScannerTests : IAsyncLifetime
{
    private ClamdProcess _clamd = null!;

    public async Task InitializeAsync() => _clamd = await ClamdProcess.StartAsync();

    public async Task DisposeAsync() => await _clamd.DisposeAsync();

    private ClamAvScanner Scanner(int chunkBytes = ClamAvOptions.DefaultChunkBytes) =>
        new(Options.Create(new ClamAvOptions { Endpoint = _clamd.Endpoint, ChunkBytes = chunkBytes }));

    [Fact]
    public async Task EICAR_is_found_even_when_it_straddles_two_chunks()
    {
        // 1,000 bytes of padding put the 68-byte EICAR string across the first 1,024-byte chunk boundary.
        var padded = new byte[1000 + ClamdProcess.Eicar.Length];
        ClamdProcess.Eicar.CopyTo(padded, 1000);

        Assert.Equal(ScanVerdict.Found(ClamdProcess.SignatureName + ".UNOFFICIAL"), await Scanner(1024).ScanAsync(new MemoryStream(padded), CancellationToken.None));
        Assert.Equal(ScanVerdict.Clean, await Scanner(1024).ScanAsync(new MemoryStream(new byte[5000]), CancellationToken.None));
    }

    [Fact]
    public async Task A_scanner_that_is_not_listening_is_reported_unavailable()
    {
        await _clamd.StopAsync();
        await Assert.ThrowsAsync<VirusScannerUnavailableException>(() => Scanner().ScanAsync(new MemoryStream(new byte[10]), CancellationToken.None));
    }
}
