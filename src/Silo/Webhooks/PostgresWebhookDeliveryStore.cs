using System.Globalization;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Webhooks;
using GxProtocol.Grains.Webhooks;
using Npgsql;
using Orleans.Serialization;

namespace GxProtocol.Silo.Webhooks;

/// <summary>Webhook deliveries in table gx_webhook_deliveries (migration 0500).</summary>
public sealed class PostgresWebhookDeliveryStore(string connectionString, Serializer serializer) : IWebhookDeliveryStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task<bool> AddAsync(WebhookDelivery delivery)
    {
        await using var command = _dataSource.CreateCommand(
            "INSERT INTO gx_webhook_deliveries (delivery_id, endpoint_id, status, created_at, row_data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (delivery_id) DO NOTHING");
        Add(command, delivery.Id, delivery.EndpointId, delivery.Status, delivery.CreatedAt.ToUniversalTime(), serializer.SerializeToArray(delivery));
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task UpdateAsync(WebhookDelivery delivery)
    {
        await using var command = _dataSource.CreateCommand("UPDATE gx_webhook_deliveries SET status = $2, row_data = $3 WHERE delivery_id = $1");
        Add(command, delivery.Id, delivery.Status, serializer.SerializeToArray(delivery));
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException($"Webhook delivery {delivery.Id} does not exist.");
        }
    }

    public async Task<IReadOnlyList<WebhookDelivery>> LoadPendingAsync(Guid endpointId)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT sequence, row_data FROM gx_webhook_deliveries WHERE endpoint_id = $1 AND status = 'PENDING' ORDER BY sequence");
        Add(command, endpointId);
        return (await ReadAsync(command)).Select(row => row.Delivery).ToList();
    }

    public async Task<Page<WebhookDelivery>> ListAsync(Guid endpointId, string? cursor, int limit)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT sequence, row_data FROM gx_webhook_deliveries WHERE endpoint_id = $1 AND sequence < $2 ORDER BY sequence DESC LIMIT $3");
        Add(command, endpointId, cursor is null ? long.MaxValue : long.Parse(cursor, CultureInfo.InvariantCulture), limit + 1);
        var rows = await ReadAsync(command);
        var next = rows.Count > limit ? rows[limit - 1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return new Page<WebhookDelivery>(rows.Take(limit).Select(row => row.Delivery).ToList(), next);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static void Add(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
    }

    private async Task<List<(long Sequence, WebhookDelivery Delivery)>> ReadAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, WebhookDelivery)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), serializer.Deserialize<WebhookDelivery>((byte[])reader[1])
                ?? throw new InvalidOperationException("A webhook delivery deserialized to null.")));
        }
        return rows;
    }
}
