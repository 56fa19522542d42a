using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.ReadModels;
using NpgsqlTypes;

namespace GxProtocol.Silo.ReadModels;

/// <summary>Relationship rows in PostgreSQL (gx_relationships).</summary>
public sealed partial class PostgresReadModelStore : IRelationshipStore
{
    public async Task UpsertRelationshipAsync(RelationshipView link, CancellationToken cancellationToken = default)
    {
        await using var upsert = _dataSource.CreateCommand(
            """
            INSERT INTO gx_relationships (relationship_id, from_user_id, to_user_id, type, status, created_at, confirmed_at, rejected_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (relationship_id) DO UPDATE SET from_user_id = EXCLUDED.from_user_id, to_user_id = EXCLUDED.to_user_id,
                type = EXCLUDED.type, status = EXCLUDED.status, created_at = EXCLUDED.created_at,
                confirmed_at = EXCLUDED.confirmed_at, rejected_at = EXCLUDED.rejected_at
            """);
        upsert.Parameters.Add(new() { Value = link.RelationshipId });
        upsert.Parameters.Add(new() { Value = link.FromUserId });
        upsert.Parameters.Add(new() { Value = link.ToUserId });
        upsert.Parameters.Add(new() { Value = link.Type });
        upsert.Parameters.Add(new() { Value = link.Status });
        upsert.Parameters.Add(new() { Value = link.CreatedAt });
        upsert.Parameters.Add(new() { Value = (object?)link.ConfirmedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        upsert.Parameters.Add(new() { Value = (object?)link.RejectedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Page<RelationshipView>> ListRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken = default)
    {
        var mine = query.Direction switch
        {
            RelationshipListQuery.Outgoing => "from_user_id = $1",
            RelationshipListQuery.Incoming => "to_user_id = $1",
            _ => "(from_user_id = $1 OR to_user_id = $1)",
        };
        await using var select = _dataSource.CreateCommand(
            $"""
            SELECT sequence, relationship_id, from_user_id, to_user_id, type, status, created_at, confirmed_at, rejected_at
            FROM gx_relationships WHERE {mine} AND sequence < $2 AND ($3::text IS NULL OR status = $3)
            ORDER BY sequence DESC LIMIT $4
            """);
        select.Parameters.Add(new() { Value = query.UserId });
        select.Parameters.Add(new() { Value = Before(query.Cursor) });
        select.Parameters.Add(new() { Value = (object?)query.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        select.Parameters.Add(new() { Value = query.Limit + 1 });
        var rows = new List<(long Sequence, RelationshipView Link)>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), new RelationshipView(reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8))));
        }
        var page = PageOf(rows, query.Limit, r => r.Sequence);
        return new Page<RelationshipView>(page.Items.Select(r => r.Link).ToList(), page.NextCursor);
    }
}
