using GxProtocol.DevLedger.Engine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GxProtocol.DevLedger.Hosting;

/// <summary>
/// Tells the ledger the address it ended up listening on once the server has bound its port (0 picks one), so the
/// gateway.ErrorDetail address that Fabric clients show names the real endpoint as a peer's does, not a placeholder.
/// </summary>
internal sealed class PeerAddressPublisher(IServer server, LedgerEngine ledger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        string? address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is not null && Uri.TryCreate(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var endpoint))
        {
            ledger.PeerAddress = endpoint.Authority;
        }
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
