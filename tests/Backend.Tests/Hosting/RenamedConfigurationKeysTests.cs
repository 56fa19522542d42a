using GxProtocol.ApiFrontends.Hosting;
using GxProtocol.Backend.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Backend.Tests.Hosting;

/// <summary>
/// A standalone frontend reads the silo's Gx:Host keys; its old Gx:Http:BindAddress and Gx:Orleans:GatewayPort still
/// work, with a start-up warning naming the old and the new key.
/// </summary>
public sealed class RenamedConfigurationKeysTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    private static string? ListenUrl(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        builder.ListenOnServicePort(["tax"]);
        return builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
    }

    [Fact]
    public void The_frontend_listens_on_Gx_Host_BindAddress()
    {
        Assert.Equal("http://0.0.0.0:3007", ListenUrl(("Gx:Host:BindAddress", "0.0.0.0")));
        Assert.Equal("http://127.0.0.1:3007", ListenUrl());
    }

    [Fact]
    public void The_old_bind_address_key_still_works_and_the_new_one_wins_over_it()
    {
        Assert.Equal("http://0.0.0.0:3007", ListenUrl(("Gx:Http:BindAddress", "0.0.0.0")));
        Assert.Equal("http://127.0.0.2:3007", ListenUrl(("Gx:Http:BindAddress", "0.0.0.0"), ("Gx:Host:BindAddress", "127.0.0.2")));
    }

    [Fact]
    public void The_gateway_port_is_read_from_the_new_key_or_else_the_old_one()
    {
        Assert.Equal("Gx:Host:GatewayPort", RenamedConfigurationKeys.Resolve(Configuration(), RenamedConfigurationKeys.GatewayPort));
        Assert.Equal("Gx:Orleans:GatewayPort",
            RenamedConfigurationKeys.Resolve(Configuration(("Gx:Orleans:GatewayPort", "30001")), RenamedConfigurationKeys.GatewayPort));
        Assert.Equal("Gx:Host:GatewayPort", RenamedConfigurationKeys.Resolve(
            Configuration(("Gx:Orleans:GatewayPort", "30001"), ("Gx:Host:GatewayPort", "30002")), RenamedConfigurationKeys.GatewayPort));
    }

    [Fact]
    public async Task Start_up_warns_about_each_old_key_naming_the_new_one()
    {
        var logger = new ListLogger();
        var report = new RenamedConfigurationKeysReport(
            Configuration(("Gx:Http:BindAddress", "0.0.0.0"), ("Gx:Orleans:GatewayPort", "30001"), ("Gx:Host:GatewayPort", "30002")), logger);

        await report.StartAsync(CancellationToken.None);

        Assert.Equal(2, logger.Warnings.Count);
        Assert.Contains(logger.Warnings, w => w.Contains("Gx:Http:BindAddress") && w.Contains("rename it to Gx:Host:BindAddress"));
        Assert.Contains(logger.Warnings, w => w.Contains("Gx:Orleans:GatewayPort") && w.Contains("ignored because Gx:Host:GatewayPort is set"));
    }

    [Fact]
    public async Task The_new_keys_alone_give_no_warning()
    {
        var logger = new ListLogger();
        var report = new RenamedConfigurationKeysReport(
            Configuration(("Gx:Host:BindAddress", "0.0.0.0"), ("Gx:Host:GatewayPort", "30002")), logger);

        await report.StartAsync(CancellationToken.None);

        Assert.Empty(logger.Warnings);
    }

    [Fact]
    public void No_deployment_file_sets_an_old_key()
    {
        var offending = new[] { "k8s", "deploy" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*", SearchOption.AllDirectories))
            .SelectMany(file => RenamedConfigurationKeys.Renamed.Keys
                .SelectMany(oldKey => new[] { oldKey, oldKey.Replace(":", "__") })
                .Where(File.ReadAllText(file).Contains)
                .Select(oldKey => $"{Path.GetRelativePath(RepoPaths.Root, file)}: {oldKey}"))
            .ToList();

        Assert.True(offending.Count == 0, "deployment files still use renamed keys:\n" + string.Join('\n', offending));
    }

    private sealed class ListLogger : ILogger<RenamedConfigurationKeysReport>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
