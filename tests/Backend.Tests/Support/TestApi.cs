using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Infrastructure.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>A minimal frontend on TestServer with the GX infrastructure and whatever endpoints a test maps.</summary>
internal sealed class TestApi : IAsyncDisposable
{
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private TestApi(WebApplication app) => App = app;

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TestApi> StartAsync(
        Action<WebApplication> mapEndpoints,
        IDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        var settings = new Dictionary<string, string?>
        {
            ["Gx:Jwt:SigningKey"] = SigningKey,
            // Tests that are not about rate limiting must not trip over it.
            ["Gx:RateLimiting:Enabled"] = "false",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(settings);

        builder.Services.AddGxApiInfrastructure(builder.Configuration);
        builder.Services.AddSingleton(new GxHttpMetrics(Prometheus.Metrics.NewCustomRegistry()));
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseGxApiInfrastructure();
        mapEndpoints(app);
        await app.StartAsync();
        return new TestApi(app);
    }

    public HttpClient CreateClient(string baseAddress = "http://localhost/")
    {
        var client = App.GetTestClient();
        client.BaseAddress = new Uri(baseAddress);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
