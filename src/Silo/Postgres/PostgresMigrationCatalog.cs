using System.Reflection;

namespace GxProtocol.Silo.Postgres;

/// <summary>
/// The migrations embedded in the Silo assembly by Postgres/Migrations.targets, in the order they
/// must be applied (ordinal order of their file names).
/// </summary>
public static class PostgresMigrationCatalog
{
    /// <summary>Logical-name prefix given to every migration script by Migrations.targets.</summary>
    public const string ResourcePrefix = "GxProtocol.Silo.Postgres.Migrations.";

    private const string ScriptExtension = ".sql";

    private static readonly Lazy<IReadOnlyList<PostgresMigration>> EmbeddedMigrations =
        new(() => Load(typeof(PostgresMigrationCatalog).Assembly));

    /// <summary>The Silo assembly's migrations; loaded on first use so a missing resource fails the caller, not type loading.</summary>
    public static IReadOnlyList<PostgresMigration> Embedded => EmbeddedMigrations.Value;

    public static IReadOnlyList<PostgresMigration> Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                           && name.EndsWith(ScriptExtension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new PostgresMigration(
                Version: name[ResourcePrefix.Length..^ScriptExtension.Length],
                Script: ReadResource(assembly, name)))
            .ToList();

        // An empty catalog would silently start silos against an empty database; the usual cause is
        // a build that does not import Migrations.targets.
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL migrations are embedded in {assembly.GetName().Name} (resources named {ResourcePrefix}*.sql). " +
                "Import src/Silo/Postgres/Migrations.targets in Silo.csproj.");
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} disappeared while reading it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
