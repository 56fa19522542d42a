using GxProtocol.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>
/// The grains' options classes, each checked by its validator when the host starts (the same check that stops the silo
/// process, see StartupConfigurationTests): a bad value fails naming its full key, and nothing else fails with it.
/// </summary>
public sealed class GrainOptionsValidationTests
{
    [Theory]
    [InlineData("Gx:Outbox:ShardCount", "0")]
    [InlineData("Gx:Outbox:MaxConcurrentSubmissionsPerShard", "2000")]
    [InlineData("Gx:Outbox:MaxAttempts", "0")]
    [InlineData("Gx:Outbox:BaseRetryDelay", "00:00:00")]
    [InlineData("Gx:Outbox:BaseRetryDelay", "00:01:00")]
    [InlineData("Gx:Outbox:SubmitTimeout", "00:00:00")]
    [InlineData("Gx:Outbox:SubmitTimeout", "-00:00:01")]
    [InlineData("Gx:Outbox:SubmitTimeout", "01:00:00")]
    [InlineData("Gx:Outbox:FinishedRetention", "00:00:30")]
    [InlineData("Gx:Webhooks:AllowedHosts:0", "https://hooks.example.com/in")]
    [InlineData("Gx:Webhooks:LargeTransferThresholdCoins", "0")]
    [InlineData("Gx:Webhooks:MaxAttempts", "0")]
    [InlineData("Gx:Webhooks:BaseRetryDelay", "01:00:00")]
    [InlineData("Gx:Webhooks:RequestTimeout", "00:05:00")]
    [InlineData("Gx:Webhooks:MaxEndpoints", "0")]
    [InlineData("Gx:Verification:CodeLifetime", "2.00:00:00")]
    [InlineData("Gx:Verification:MaxAttempts", "21")]
    [InlineData("Gx:Verification:ResendInterval", "02:00:00")]
    [InlineData("Gx:Verification:MaxSendsPerHour", "0")]
    [InlineData("Gx:FeeCredits:FoldInterval", "00:00:00")]
    [InlineData("Gx:Mail:Smtp:TimeoutSeconds", "0")]
    public void A_bad_grain_setting_fails_start_up_naming_its_key(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Gx:Mail:Smtp:", StringComparison.Ordinal))
        {
            // SMTP settings are checked only when mail goes to a server.
            settings["Gx:Mail:Smtp:Host"] = "127.0.0.1";
        }

        var failures = StartupFailures(settings);

        var failure = Assert.Single(failures);
        Assert.StartsWith(key + " ", failure);
    }

    [Fact]
    public void The_defaults_pass()
    {
        Assert.Empty(StartupFailures([]));
    }

    /// <summary>What the host's start-up check (every options class registered with ValidateOnStart) reports.</summary>
    private static IReadOnlyList<string> StartupFailures(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        // The QR payload key is derived from the JWT key; without either the payment requests' check would fail too.
        settings["Gx:Jwt:SigningKey"] = Convert.ToBase64String(new byte[32]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddGxGrains(builder.Configuration));
        using var host = builder.Build();
        var thrown = Record.Exception(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        return thrown switch
        {
            null => [],
            OptionsValidationException one => one.Failures.ToList(),
            AggregateException several => several.InnerExceptions.SelectMany(e => e is OptionsValidationException invalid ? invalid.Failures : [e.Message]).ToList(),
            _ => throw thrown,
        };
    }
}
