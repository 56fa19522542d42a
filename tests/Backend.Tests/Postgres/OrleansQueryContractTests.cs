using System.Reflection;
using System.Text.RegularExpressions;
using GxProtocol.Backend.Tests.Support;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace GxProtocol.Backend.Tests.Postgres;

/// <summary>
/// The ADO.NET providers refuse to start unless OrleansQuery holds every query key they know. The
/// keys are read from the provider assemblies actually referenced, so a package upgrade that adds
/// a key fails here rather than at silo start.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed partial class OrleansQueryContractTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    public static TheoryData<string, string> RequiredQueryKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var assembly in new[] { typeof(AdoNetClusteringSiloOptions).Assembly, typeof(AdoNetReminderTableOptions).Assembly })
        {
            foreach (var key in StoredQueryKeys(assembly))
            {
                data.Add(assembly.GetName().Name!, key);
            }
        }

        // Grain storage reads its keys with a fixed query instead of a property per key.
        foreach (Match match in QuotedKey().Matches(AdoNetGrainStorage.DefaultInitializationQuery))
        {
            data.Add(typeof(AdoNetGrainStorage).Assembly.GetName().Name!, match.Groups[1].Value);
        }

        return data;
    }

    [Fact]
    public void The_provider_contract_was_found()
    {
        var keys = RequiredQueryKeys().Select(row => (string)row[1]).ToHashSet();

        // Guards against the reflection silently finding nothing after a provider refactoring.
        Assert.Contains("CleanupDefunctSiloEntriesKey", keys);
        Assert.Contains("UpsertReminderRowKey", keys);
        Assert.Contains("WriteToStorageKey", keys);
        Assert.Contains("DeleteStorageKey", keys);
    }

    [Theory]
    [MemberData(nameof(RequiredQueryKeys))]
    public async Task Every_query_key_a_provider_requires_is_stored(string provider, string queryKey)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection);
        command.Parameters.AddWithValue("key", queryKey);

        var text = await command.ExecuteScalarAsync() as string;

        Assert.False(string.IsNullOrWhiteSpace(text), $"{provider} requires query {queryKey}, which OrleansQuery lacks.");
    }

    private static IEnumerable<string> StoredQueryKeys(Assembly providerAssembly)
    {
        var storedQueries = providerAssembly.GetTypes().Single(type => type.Name == "DbStoredQueries");
        return storedQueries.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(property => property.Name);
    }

    [GeneratedRegex("'([A-Za-z0-9]+Key)'")]
    private static partial Regex QuotedKey();
}
