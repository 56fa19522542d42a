using GxProtocol.Grains.Infrastructure;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace GxProtocol.Silo.Postgres;

/// <summary>Orleans wiring for PostgreSQL mode. The schema must exist first: see <see cref="PostgresMigrator"/>.</summary>
public static class GxPostgresSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant name under which Npgsql registers itself.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>The named storage provider the GX grains persist with: [PersistentState("state", "gx")].</summary>
    public const string GrainStorageName = "gx";

    /// <summary>
    /// ADO.NET clustering, reminders and grain storage on PostgreSQL. Grain storage is registered
    /// both as the default provider and as "gx", both writing Orleans-binary payloads.
    /// </summary>
    public static ISiloBuilder AddGxPostgres(this ISiloBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        builder.AddAdoNetGrainStorageAsDefault(options => ConfigureGrainStorage(options, connectionString));
        builder.AddAdoNetGrainStorage(GrainStorageName, options => ConfigureGrainStorage(options, connectionString));
        return builder;
    }

    /// <summary>Gateway discovery for an Orleans client (a separate frontend process) through the PostgreSQL membership table.</summary>
    public static IClientBuilder UseGxPostgresClustering(this IClientBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        return builder.UseAdoNetClustering(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>Only the grain storage provider <paramref name="name"/> on PostgreSQL, Orleans-binary payloads (tests on TestingHost use it).</summary>
    public static ISiloBuilder AddGxPostgresGrainStorage(this ISiloBuilder builder, string name, string connectionString) =>
        builder.AddAdoNetGrainStorage(name, options => ConfigureGrainStorage(options, connectionString));

    private static void ConfigureGrainStorage(OptionsBuilder<AdoNetGrainStorageOptions> options, string connectionString) =>
        // Configure runs before Orleans' post-configure step that would install the JSON serializer
        // when none is set.
        options.Configure<Serializer>((storage, serializer) =>
        {
            storage.Invariant = AdoNetInvariant;
            storage.ConnectionString = connectionString;
            storage.GrainStorageSerializer = new OrleansBinaryGrainStorageSerializer(serializer);
        });
}
