using System.Net;
using System.Net.Sockets;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Silo.Postgres;

namespace GxProtocol.Backend.Tests.Postgres;

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class GxPostgresConfigurationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Theory]
    [InlineData("Host=127.0.0.1;NoSuchSetting=1")]
    [InlineData("Host=127.0.0.1;Port=not-a-number")]
    [InlineData("just some text")]
    [InlineData("Database=gx;Username=gx")]
    public void A_malformed_connection_string_is_reported_by_its_key(string connectionString)
    {
        var error = Assert.Throws<GxConfigurationException>(() => GxPostgresConfiguration.Parse(connectionString));

        Assert.Equal("ConnectionStrings:Postgres", error.Key);
        Assert.StartsWith("ConnectionStrings:Postgres", error.Message);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_by_key_and_endpoint()
    {
        var port = UnusedPort();

        var error = await Assert.ThrowsAsync<GxConfigurationException>(() =>
            GxPostgresConfiguration.ValidateAsync($"Host=127.0.0.1;Port={port};Username=gx;Timeout=3"));

        Assert.Contains("ConnectionStrings:Postgres", error.Message);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task A_missing_database_is_reported_by_key()
    {
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "gx_no_such_database" }.ConnectionString;

        var error = await Assert.ThrowsAsync<GxConfigurationException>(() => GxPostgresConfiguration.ValidateAsync(connectionString));

        Assert.Contains("ConnectionStrings:Postgres", error.Message);
        Assert.Contains("gx_no_such_database", error.Message);
    }

    [Fact]
    public async Task A_reachable_server_passes()
    {
        await GxPostgresConfiguration.ValidateAsync(postgres.ConnectionString);
    }

    private static int UnusedPort()
    {
        // Bound and released at once: nothing listens there afterwards.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
