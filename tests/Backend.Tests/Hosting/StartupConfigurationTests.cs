using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Hosting;

/// <summary>A bad setting stops the silo process before it serves anything, with a message naming the key.</summary>
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
[Trait("Category", "Postgres")]
public sealed class StartupConfigurationTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    [Theory]
    [InlineData("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=notaport", "ConnectionStrings:Postgres")]
    [InlineData("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Timeout=2;Database=gx", "ConnectionStrings:Postgres")]
    [InlineData("Gx:Host:ApiPort", "70000", "Gx:Host:ApiPort")]
    [InlineData("Gx:Ledger:Mode", "carrier-pigeon", "Gx:Ledger:Mode")]
    [InlineData("Gx:ForwardedHeaders:KnownProxies:0", "nginx.local", "Gx:ForwardedHeaders:KnownProxies:0")]
    [InlineData("Gx:ForwardedHeaders:KnownNetworks:0", "10.42.0.0/99", "Gx:ForwardedHeaders:KnownNetworks:0")]
    [InlineData("Gx:Logging:Format", "xml", "Gx:Logging:Format")]
    [InlineData("Gx:Telemetry:OtlpEndpoint", "otel-collector:4317", "Gx:Telemetry:OtlpEndpoint")]
    [InlineData("Gx:PaymentRequests:SigningKey", "c2hvcnQ=", "Gx:PaymentRequests:SigningKey")]
    [InlineData("Gx:PaymentRequests:SigningKey", "not base64!", "Gx:PaymentRequests:SigningKey")]
    [InlineData("Gx:Outbox:SubmitTimeout", "00:00:00", "Gx:Outbox:SubmitTimeout")]
    [InlineData("Gx:Webhooks:MaxAttempts", "0", "Gx:Webhooks:MaxAttempts")]
    [InlineData("Gx:FeeCredits:FoldInterval", "00:00:00", "Gx:FeeCredits:FoldInterval")]
    [InlineData("Gx:Auth:ChallengeMinutes", "60", "Gx:Auth:ChallengeMinutes")]
    public async Task A_bad_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartSiloAsync(new Dictionary<string, string> { [key] = value }, TimeSpan.FromSeconds(60)));
        Assert.Contains("exited with code 2", failure.Message);
        Assert.Contains("Configuration error:", failure.Message);
        Assert.Contains(named, failure.Message);
    }

    [Fact]
    public async Task PostgreSQL_mode_without_a_signing_key_stops_start_up_naming_the_key()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartSiloAsync(
            new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = database.ConnectionString, ["Gx:Ledger:Mode"] = "embedded" },
            TimeSpan.FromSeconds(60)));
        Assert.Contains("exited with code 2", failure.Message);
        Assert.Contains("Gx:Jwt:SigningKey", failure.Message);
    }

    [Fact]
    public async Task PostgreSQL_mode_without_a_ledger_mode_stops_start_up_naming_the_key()
    {
        // Everything else a PostgreSQL silo needs is valid, so only the missing ledger mode can stop it.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartSiloAsync(
            new Dictionary<string, string>
            {
                ["ConnectionStrings:Postgres"] = database.ConnectionString,
                ["Gx:Jwt:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Gx:Bootstrap:SuperAdminEmail"] = "root@gx.test",
                ["Gx:Bootstrap:SuperAdminPassword"] = "correct horse battery staple",
            }, TimeSpan.FromSeconds(60)));
        Assert.Contains("exited with code 2", failure.Message);
        Assert.Contains("Configuration error:", failure.Message);
        Assert.Contains("Gx:Ledger:Mode", failure.Message);
    }

    [Fact]
    public async Task PostgreSQL_mode_without_a_mail_server_stops_start_up_naming_the_key()
    {
        // An empty SMTP host keeps HostProcess from pointing the silo at the test mailbox: nothing says where mail goes.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartSiloAsync(
            new Dictionary<string, string>
            {
                ["ConnectionStrings:Postgres"] = database.ConnectionString,
                ["Gx:Ledger:Mode"] = "embedded",
                ["Gx:Jwt:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Gx:Mail:Smtp:Host"] = "",
            }, TimeSpan.FromSeconds(60)));
        Assert.Contains("exited with code 2", failure.Message);
        Assert.Contains("Configuration error:", failure.Message);
        Assert.Contains("Gx:Mail:Smtp:Host", failure.Message);
    }
}
