using GxProtocol.DevLedger.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Ledger.Tests.Gateway;

/// <summary>The DevLedger wired as the standalone program wires it (configuration section, AddDevLedger), on a free port.</summary>
public sealed class StandaloneHosting : IAsyncDisposable
{
    private readonly WebApplication _application;

    private StandaloneHosting(WebApplication application, Uri endpoint)
    {
        _application = application;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<StandaloneHosting> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Gx:DevLedger:Port"] = "0" });
        builder.AddDevLedger(new KeyValueChaincode());
        var application = builder.Build();
        application.MapDevLedgerGateway();
        await application.StartAsync();
        return new StandaloneHosting(application, new Uri(application.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _application.StopAsync();
        await _application.DisposeAsync();
    }
}
