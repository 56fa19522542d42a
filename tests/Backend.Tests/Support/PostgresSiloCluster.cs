using System.Security.Cryptography;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// What silo processes on one PostgreSQL database share: the ledger they submit to, the JWT signing key and the
/// seeded super admin. Tests start as many silos (and frontends) on it as they need.
/// </summary>
public sealed class PostgresSiloCluster : IAsyncDisposable
{
    public const string AdminEmail = "root@gx.test";
    public const string AdminPassword = "correct horse battery staple";

    private readonly string _connectionString;
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private PostgresSiloCluster(string connectionString, SharedLedger ledger)
    {
        _connectionString = connectionString;
        Ledger = ledger;
    }

    public SharedLedger Ledger { get; }

    public static async Task<PostgresSiloCluster> StartAsync(string connectionString) =>
        new(connectionString, await SharedLedger.StartAsync());

    /// <summary>What a standalone frontend needs to join: the database (for membership) and the signing key.</summary>
    public Dictionary<string, string> FrontendSettings() => new()
    {
        ["ConnectionStrings:Postgres"] = _connectionString,
        ["Gx:Jwt:SigningKey"] = _signingKey,
        // These tests are about failover and log in as the seeded super admin; admin two-factor has tests of its own.
        ["Gx:Auth:RequireAdminTwoFactor"] = "false",
    };

    public Task<HostProcess> StartSiloAsync() => StartSiloAsync(new Dictionary<string, string>());

    /// <summary>A silo with <paramref name="extra"/> settings on top of the shared ones.</summary>
    public Task<HostProcess> StartSiloAsync(IDictionary<string, string> extra)
    {
        var settings = FrontendSettings();
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in Ledger.SiloSettings())
        {
            settings[key] = value;
        }
        settings["Gx:Bootstrap:SuperAdminEmail"] = AdminEmail;
        settings["Gx:Bootstrap:SuperAdminPassword"] = AdminPassword;
        return HostProcess.StartSiloAsync(settings, TimeSpan.FromSeconds(90));
    }

    public ValueTask DisposeAsync() => Ledger.DisposeAsync();
}
