using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Outbox;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Outbox;
using GxProtocol.Grains.Users;

namespace GxProtocol.Backend.Tests.Outbox;

/// <summary>
/// Grain state exactly as the version before outbox rows stored it (bytes captured from that version, in
/// Grains/Migration/*.b64) is read by this version, and its commands in flight move to outbox rows.
/// </summary>
public sealed class StoredUserMigrationTests(MeasuredStorageClusterFixture fixture) : IClassFixture<MeasuredStorageClusterFixture>
{
    internal static readonly Guid LegacyUserId = Guid.Parse("6f1c2a3e-0000-4000-8000-000000000001");
    internal static readonly Guid LegacyPendingTransfer = Guid.Parse("6f1c2a3e-0000-4000-8000-0000000000a1");

    internal static byte[] Fixture(string name) =>
        Convert.FromBase64String(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Grains", "Migration", name)));

    [Fact]
    public async Task A_stored_user_keeps_its_profile_balance_and_hold_and_its_pending_transfer_becomes_an_outbox_row()
    {
        fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.FromMinutes(10));
        try
        {
            var user = fixture.Client.GetGrain<IUserGrain>(LegacyUserId);
            fixture.GrainStorage.Place("user", user.GetGrainId(), Fixture("user-state-v1.b64"));

            var profile = await user.GetProfileAsync();
            var wallet = await user.GetWalletAsync();

            Assert.Equal(("legacy@example.org", UserStatus.Active), (profile!.Email, profile.Status));
            Assert.Equal((500_000_000L, 2_000_500L), (wallet.Balance, wallet.PendingHolds));
            var row = await fixture.OutboxRows.GetAsync(LegacyPendingTransfer);
            Assert.Equal((CommandState.Pending, 2_000_500L), (row!.State, row.Command.Hold));

            var stored = fixture.GrainStorage.Stored<UserState>("user", user.GetGrainId())!;
            Assert.Empty(stored.LegacyPendingCommands);
            Assert.Empty(stored.Holds);
            Assert.Single(stored.Relationships);
            Assert.Equal(7UL, stored.LastApplied.Block);
        }
        finally
        {
            fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.Zero);
        }
    }

}

/// <summary>An outbox shard as the version before outbox rows stored it (its whole queue in grain state).</summary>
public sealed class StoredOutboxMigrationTests(MeasuredStorageClusterFixture fixture) : IClassFixture<MeasuredStorageClusterFixture>
{
    [Fact]
    public async Task A_stored_outbox_shard_moves_its_queue_into_rows_and_clears_its_grain_state()
    {
        fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.FromMinutes(10));
        try
        {
            // Beyond the shard count: the pipeline keeper wakes shards 0..7 every few seconds, before the state could be placed.
            var shard = fixture.Client.GetGrain<IOutboxGrain>(900);
            fixture.GrainStorage.Place("outbox", shard.GetGrainId(), StoredUserMigrationTests.Fixture("outbox-state-v1.b64"));

            var queue = await shard.GetQueueAsync();

            var entry = Assert.Single(queue);
            Assert.Equal(StoredUserMigrationTests.LegacyPendingTransfer, entry.CommandId);
            Assert.True(entry.Attempts >= 3, "the stored attempts are kept");
            Assert.NotNull(await fixture.OutboxRows.GetAsync(StoredUserMigrationTests.LegacyPendingTransfer));
            Assert.Null(fixture.GrainStorage.Stored<OutboxState>("outbox", shard.GetGrainId()));
        }
        finally
        {
            fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.Zero);
        }
    }
}
