using System.Text;
using GxProtocol.Backend.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace GxProtocol.Backend.Tests.Postgres;

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class PostgresOrleansClusterTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    private const int ActiveSiloStatus = 3;

    private IServiceProvider PrimarySiloServices => fixture.PrimarySiloServices;

    [Fact]
    public async Task Both_silos_joined_through_the_PostgreSQL_membership_table()
    {
        var active = await ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = @status", ("status", ActiveSiloStatus));

        Assert.Equal(2, active);
    }

    [Fact]
    public async Task Grain_state_survives_deactivation()
    {
        var grain = fixture.Cluster.Client.GetGrain<IPostgresProbeGrain>(Guid.NewGuid());
        await grain.SaveAsync("kept across activations", "first");
        var before = await grain.ReadAsync();

        await grain.DeactivateAsync();
        PostgresProbeSnapshot after = before;
        await Eventually.WaitUntilAsync(async () => (after = await grain.ReadAsync()).ActivationId != before.ActivationId,
            TimeSpan.FromSeconds(15), "the probe grain to be reactivated after DeactivateOnIdle");

        Assert.Equal("kept across activations", after.Text);
        Assert.Equal("first", after.AttachmentLabel);
    }

    [Fact]
    public async Task Stored_payload_is_Orleans_binary_naming_types_by_alias()
    {
        var marker = $"marker-{Guid.NewGuid():N}";
        var grain = fixture.Cluster.Client.GetGrain<IPostgresProbeGrain>(Guid.NewGuid());
        await grain.SaveAsync(marker, "aliased");

        var payload = await ScalarAsync<byte[]>(
            "SELECT payload FROM orleans_storage WHERE position(convert_to(@marker, 'UTF8') IN payload) > 0",
            ("marker", marker));
        var payloadText = Encoding.UTF8.GetString(payload);

        Assert.NotEqual((byte)'{', payload[0]);
        Assert.Contains("gx.tests.postgres.probe-attachment", payloadText);
        Assert.DoesNotContain(typeof(PostgresProbeAttachment).FullName!, payloadText);
        Assert.DoesNotContain(typeof(PostgresProbeAttachment).Assembly.GetName().Name!, payloadText);
        var state = PrimarySiloServices.GetRequiredService<Serializer>().Deserialize<PostgresProbeState>(payload);
        Assert.NotNull(state);
        Assert.Equal(marker, state.Text);
        Assert.Equal(new PostgresProbeAttachment("aliased"), state.Attachment);
    }

    [Fact]
    public async Task A_stale_writer_gets_InconsistentStateException()
    {
        var storage = PrimarySiloServices.GetRequiredKeyedService<IGrainStorage>("gx");
        const string grainType = "gx-stale-write-probe";
        var grainId = GrainId.Create(grainType, Guid.NewGuid().ToString("N"));

        var writerState = new PostgresProbeState { Text = "v1" };
        var writer = new GrainState<PostgresProbeState>(writerState);
        await storage.WriteStateAsync(grainType, grainId, writer);
        var staleReader = new GrainState<PostgresProbeState>(new PostgresProbeState());
        await storage.ReadStateAsync(grainType, grainId, staleReader);
        writerState.Text = "v2";
        await storage.WriteStateAsync(grainType, grainId, writer);

        Assert.NotNull(staleReader.State);
        staleReader.State.Text = "stale";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(grainType, grainId, staleReader));
        var newcomer = new GrainState<PostgresProbeState>(new PostgresProbeState { Text = "blind insert" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(grainType, grainId, newcomer));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(grainType, grainId, staleReader));

        var current = new GrainState<PostgresProbeState>(new PostgresProbeState());
        await storage.ReadStateAsync(grainType, grainId, current);
        Assert.Equal("v2", current.State?.Text);
        Assert.Equal(writer.ETag, current.ETag);
    }

    [Fact]
    public async Task Clearing_state_keeps_the_version_chain()
    {
        var storage = PrimarySiloServices.GetRequiredKeyedService<IGrainStorage>("gx");
        const string grainType = "gx-clear-probe";
        var grainId = GrainId.Create(grainType, Guid.NewGuid().ToString("N"));

        var state = new GrainState<PostgresProbeState>(new PostgresProbeState { Text = "to clear" });
        await storage.WriteStateAsync(grainType, grainId, state);
        await storage.ClearStateAsync(grainType, grainId, state);

        var reread = new GrainState<PostgresProbeState>(new PostgresProbeState { Text = "not read" });
        await storage.ReadStateAsync(grainType, grainId, reread);
        Assert.False(reread.RecordExists);
        Assert.NotNull(reread.State);
        Assert.Equal("", reread.State.Text);
        reread.State.Text = "after clear";
        await storage.WriteStateAsync(grainType, grainId, reread);
    }

    [Fact]
    public async Task A_reminder_fires_and_is_stored_in_PostgreSQL()
    {
        var grainKey = Guid.NewGuid();
        var grain = fixture.Cluster.Client.GetGrain<IPostgresProbeGrain>(grainKey);

        await grain.StartReminderAsync(dueTime: TimeSpan.FromSeconds(1), period: TimeSpan.FromSeconds(1));
        var storedReminders = await ScalarAsync<long>(
            "SELECT count(*) FROM orleans_reminders WHERE reminder_name = @name AND grain_id LIKE @grain",
            ("name", PostgresProbeGrain.ReminderName), ("grain", $"%{grainKey:N}%"));
        Assert.Equal(1, storedReminders);

        await Eventually.WaitUntilAsync(async () => (await grain.ReadAsync()).ReminderTicks > 0,
            TimeSpan.FromSeconds(60), "the probe reminder to fire at least once");

        await grain.StopReminderAsync();
        var remaining = await ScalarAsync<long>(
            "SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE @grain", ("grain", $"%{grainKey:N}%"));
        Assert.Equal(0, remaining);
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is T typed ? typed : throw new InvalidOperationException($"Query returned {result ?? "NULL"}, not a {typeof(T).Name}: {sql}");
    }
}
