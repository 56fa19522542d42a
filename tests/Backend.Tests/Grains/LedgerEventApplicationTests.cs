using System.Text;
using GxProtocol.Contract;
using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Ledger;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Grains.Users;
using Microsoft.Extensions.Logging.Abstractions;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>Events apply once by position, and an unreadable payload never stops the stream.</summary>
public sealed class LedgerEventApplicationTests
{
    private static LedgerEventEnvelope Event(ulong block, int index, string name, string json) =>
        new(new LedgerPosition(block, index), $"tx-{block}-{index}", name, Encoding.UTF8.GetBytes(json), DateTimeOffset.UnixEpoch);

    [Fact]
    public void An_event_at_or_below_the_last_applied_position_is_not_applied_again()
    {
        var applied = 0;
        Assert.False(LedgerEventApplication.Apply(new LedgerPosition(5, 2), Event(5, 2, "UserCreated", "{}"), () => applied++, NullLogger.Instance));
        Assert.False(LedgerEventApplication.Apply(new LedgerPosition(5, 2), Event(4, 9, "UserCreated", "{}"), () => applied++, NullLogger.Instance));
        Assert.True(LedgerEventApplication.Apply(new LedgerPosition(5, 2), Event(5, 3, "UserCreated", "{}"), () => applied++, NullLogger.Instance));
        Assert.Equal(1, applied);
    }

    [Fact]
    public void An_unreadable_payload_is_skipped_and_its_position_recorded()
    {
        var state = new UserState { Balance = 42 };
        var broken = Event(7, 0, nameof(TransferWithFeesCompleted), "{\"from\": 12, \"balances\": \"not a list\"}");

        var advance = LedgerEventApplication.Apply(state.LastApplied, broken,
            () => UserLedgerEvents.Apply(state, new CommandLog(), Guid.NewGuid(), broken), NullLogger.Instance);

        Assert.True(advance);
        Assert.Equal(42, state.Balance);
    }

    [Fact]
    public async Task The_projector_store_dead_letters_an_unreadable_event_and_moves_past_it()
    {
        var store = new InMemoryReadModelStore();
        var broken = Event(3, 1, nameof(UserCreated), "not json");
        Assert.Throws<System.Text.Json.JsonException>(() => ReadModelProjection.ChangesFor(broken));

        await store.RecordDeadLetterAsync(broken, "unreadable");

        Assert.Equal(broken.Position, await store.GetCheckpointAsync());
        Assert.False(await store.ApplyAsync(broken.Position, ReadModelChanges.None));
        Assert.True(await store.ApplyAsync(new LedgerPosition(3, 2), ReadModelChanges.None));
    }
}
