using System.Security.Cryptography;
using System.Text;

namespace GxProtocol.Silo.Postgres;

/// <summary>One schema migration: a SQL script identified by its file name without extension (e.g. "0001_orleans_query").</summary>
public sealed record PostgresMigration(string Version, string Script)
{
    /// <summary>
    /// SHA-256 of the script. Recorded when the migration is applied so that editing an applied
    /// migration (instead of adding a new one) is detected at the next start-up.
    /// </summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Script)));
}
