using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Backend.Tests.Tracing;

/// <summary>
/// An embedded-default silo inside the test process, composed as src/Silo/Program.cs composes it (minus the shutdown
/// watchdog, which would kill the test host), so a test can add services to it, such as an in-memory span exporter.
/// Binds 127.0.0.1 on free ports; disposing stops the host and its DevLedger.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DevLedgerHost? _ledger;

    private InProcessSilo(WebApplication app, DevLedgerHost? ledger, int apiPort)
    {
        _app = app;
        _ledger = ledger;
        ApiBase = new Uri($"http://127.0.0.1:{apiPort}");
    }

    public Uri ApiBase { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<InProcessSilo> StartAsync(IDictionary<string, string> settings, Action<IServiceCollection> configureServices)
    {
        var apiPort = FreePorts.Next();
        var all = new Dictionary<string, string>
        {
            ["Gx:Host:ApiPort"] = apiPort.ToString(),
            ["Gx:Host:OpsPort"] = FreePorts.Next().ToString(),
            ["Gx:Host:SiloPort"] = FreePorts.Next().ToString(),
            ["Gx:Host:GatewayPort"] = FreePorts.Next().ToString(),
            ["Gx:Host:DashboardEnabled"] = "false",
            ["Gx:DevLedger:Port"] = "0",
            ["Gx:RateLimiting:Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = all.Select(s => $"--{s.Key}={s.Value}").ToArray(),
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddGxSiloTracing();
        configureServices(builder.Services);
        var host = HostOptionsReader.Read(builder.Configuration, GxHostOptions.SectionName, new GxHostOptionsValidator());
        var ledger = await builder.AddGxLedgerAsync();
        try
        {
            builder.AddGxSilo(host, postgres: null);
            builder.AddGxFrontends(host, embedded: true);
            builder.AddGxOps(host);
            var app = builder.Build();
            app.UseGxApiInfrastructure();
            app.MapGxServices(GxServiceNames.All, host);
            app.MapGxOps(host, requireAdminForDashboard: false);
            await app.StartAsync();
            return new InProcessSilo(app, ledger, apiPort);
        }
        catch
        {
            if (ledger is not null)
            {
                await ledger.DisposeAsync();
            }
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _app.StopAsync(stopping.Token);
        }
        finally
        {
            await _app.DisposeAsync();
            if (_ledger is not null)
            {
                await _ledger.DisposeAsync();
            }
        }
    }
}
