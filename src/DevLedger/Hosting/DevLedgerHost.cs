using GxProtocol.DevLedger.Chaincode;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Engine;
using GxProtocol.DevLedger.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GxProtocol.DevLedger.Hosting;

/// <summary>
/// A DevLedger running inside the calling process (the embedded silo, tests, benchmarks): the Fabric Gateway gRPC
/// service on 127.0.0.1 (h2c, or TLS with <see cref="DevLedgerOptions.Tls"/>) and direct access to the ledger engine.
/// </summary>
public sealed class DevLedgerHost : IAsyncDisposable
{
    private readonly WebApplication _application;

    private DevLedgerHost(WebApplication application, LedgerEngine ledger, Uri endpoint)
    {
        _application = application;
        Ledger = ledger;
        Endpoint = endpoint;
    }

    /// <summary>The gateway address for <c>Gx:Fabric:Endpoint</c>, e.g. <c>http://127.0.0.1:7051</c> (<c>https://</c> with TLS).</summary>
    public Uri Endpoint { get; }

    /// <summary>The ledger engine: state, blocks, faults, and the gateway operations without gRPC.</summary>
    public LedgerEngine Ledger { get; }

    public DevLedgerOptions Options => Ledger.Options;

    /// <summary>Starts a ledger; <paramref name="chaincode"/> defaults to the GX chaincode.</summary>
    public static async Task<DevLedgerHost> StartAsync(DevLedgerOptions options, CancellationToken cancellationToken = default, IChaincode? chaincode = null)
    {
        var ledger = LedgerEngine.Open(options, chaincode ?? new GxContractChaincode());
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton(ledger);
            builder.Services.AddGrpc();
            builder.ListenDevLedger(_ => options);
            var application = builder.Build();
            application.MapDevLedgerGateway();
            await application.StartAsync(cancellationToken).ConfigureAwait(false);

            var address = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
            ledger.PeerAddress = endpoint.Authority;
            return new DevLedgerHost(application, ledger, endpoint);
        }
        catch
        {
            await ledger.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The engine goes first so open commit-status waits and event streams end and Kestrel can drain quickly.
        await Ledger.DisposeAsync().ConfigureAwait(false);
        await _application.StopAsync().ConfigureAwait(false);
        await _application.DisposeAsync().ConfigureAwait(false);
    }
}
