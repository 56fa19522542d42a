using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Notifications;
using GxProtocol.Grains.Notifications;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Silo.ReadModels;

namespace GxProtocol.Backend.Tests.ReadModels;

/// <summary>Inboxes: one contract for the memory and the PostgreSQL store, plus what ledger events notify.</summary>
public abstract class NotificationStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly Guid _alice = Guid.NewGuid();
    private readonly Guid _bob = Guid.NewGuid();

    protected abstract IReadModelStore Store { get; }

    private INotificationStore Inboxes => (INotificationStore)Store;

    private static NotificationDraft Draft(Guid user, string message) =>
        new(user, NotificationKinds.CoinsReceived, message, new Dictionary<string, string> { ["amount"] = "1.5" }, T0);

    [Fact]
    public async Task A_ledger_event_notifies_once_and_off_chain_notes_need_no_position()
    {
        Assert.Equal(LedgerPosition.None, await Inboxes.GetNotificationCheckpointAsync());
        Assert.True(await Inboxes.ApplyNotificationsAsync(new LedgerPosition(3, 0), [Draft(_alice, "a")]));
        Assert.False(await Inboxes.ApplyNotificationsAsync(new LedgerPosition(3, 0), [Draft(_alice, "a again")]));
        Assert.False(await Inboxes.ApplyNotificationsAsync(new LedgerPosition(2, 5), [Draft(_alice, "older")]));
        await Inboxes.AppendNotificationsAsync([Draft(_alice, "off chain")]);

        Assert.Equal(new LedgerPosition(3, 0), await Inboxes.GetNotificationCheckpointAsync());
        var inbox = await Inboxes.ListNotificationsAsync(_alice, null, null, 10);
        Assert.Equal(["off chain", "a"], inbox.Items.Select(n => n.Message));
        Assert.Equal("1.5", inbox.Items[0].Data["amount"]);
        // The read models' checkpoint is another one: a rebuild neither replays nor drops notifications.
        Assert.Equal(LedgerPosition.None, await Store.GetCheckpointAsync());
    }

    [Fact]
    public async Task Each_user_reads_and_marks_only_their_own_notifications()
    {
        await Inboxes.AppendNotificationsAsync([Draft(_alice, "a1"), Draft(_bob, "b1"), Draft(_alice, "a2"), Draft(_alice, "a3")]);
        var bobs = Assert.Single((await Inboxes.ListNotificationsAsync(_bob, null, null, 10)).Items);
        var page = await Inboxes.ListNotificationsAsync(_alice, null, null, 2);
        Assert.Equal(["a3", "a2"], page.Items.Select(n => n.Message));
        Assert.Equal(["a1"], (await Inboxes.ListNotificationsAsync(_alice, null, page.NextCursor, 2)).Items.Select(n => n.Message));

        Assert.Null(await Inboxes.MarkReadAsync(_alice, bobs.Id, T0));
        var marked = await Inboxes.MarkReadAsync(_alice, page.Items[1].Id, T0.AddMinutes(1));
        Assert.Equal(T0.AddMinutes(1), marked!.ReadAt);
        Assert.Equal(T0.AddMinutes(1), (await Inboxes.MarkReadAsync(_alice, page.Items[1].Id, T0.AddMinutes(9)))!.ReadAt);
        Assert.Equal(2, await Inboxes.CountUnreadAsync(_alice));
        Assert.Equal(1, await Inboxes.CountUnreadAsync(_bob));
        Assert.Equal(["a2"], (await Inboxes.ListNotificationsAsync(_alice, NotificationStatuses.Read, null, 10)).Items.Select(n => n.Message));
        Assert.Equal(["a3", "a1"], (await Inboxes.ListNotificationsAsync(_alice, NotificationStatuses.Unread, null, 10)).Items.Select(n => n.Message));

        Assert.Equal(2, await Inboxes.MarkAllReadAsync(_alice, T0.AddMinutes(2)));
        Assert.Equal(0, await Inboxes.CountUnreadAsync(_alice));
        Assert.Equal(1, await Inboxes.CountUnreadAsync(_bob));
        Assert.Equal(["a2", "a3"], (await Inboxes.ListNotificationsAfterAsync(_alice, page.Items[1].Id - 1, 10)).Select(n => n.Message));
        Assert.Empty(await Inboxes.ListNotificationsAfterAsync(_alice, page.Items[0].Id, 10));
    }
}

public sealed class InMemoryNotificationStoreTests : NotificationStoreContractTests
{
    protected override IReadModelStore Store { get; } = new InMemoryReadModelStore();
}

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class PostgresNotificationStoreTests : NotificationStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStoreScope<PostgresReadModelStore> _postgres = new(connectionString => new PostgresReadModelStore(connectionString));

    protected override IReadModelStore Store => _postgres.Store;

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();
}

/// <summary>What the events that need no other grain tell whom.</summary>
public sealed class NotificationProjectionTests
{
    private static readonly Guid Borrower = Guid.NewGuid();

    private static Task<IReadOnlyList<NotificationDraft>> ForAsync<T>(T payload) where T : class =>
        NotificationProjection.ForAsync(new LedgerEventEnvelope(new LedgerPosition(1, 0), "tx-1", typeof(T).Name, LedgerEventJson.Serialize(payload),
            DateTimeOffset.UnixEpoch), grains: null!);

    [Fact]
    public async Task Loan_decisions_and_repayments_reach_the_borrower_with_amounts_in_coins()
    {
        var approved = Assert.Single(await ForAsync(new LoanApproved("loan-1", Borrower.ToString(), 150_500_000, 150_500_000, DateTimeOffset.UnixEpoch, [])));
        Assert.Equal((Borrower, NotificationKinds.LoanApproved, "150.5", "loan-1", "tx-1"),
            (approved.UserId, approved.Kind, approved.Data["amount"], approved.Data["loanId"], approved.Data["transactionId"]));
        var rejected = Assert.Single(await ForAsync(new LoanRejected("loan-2", Borrower.ToString(), "too risky")));
        Assert.Equal((NotificationKinds.LoanRejected, "too risky"), (rejected.Kind, rejected.Data["reason"]));
        var repaid = Assert.Single(await ForAsync(new LoanRepaid("loan-1", Borrower.ToString(), 1, 1, 150_499_999, "ACTIVE", [])));
        Assert.Equal((NotificationKinds.LoanRepaid, "0.000001", "150.499999"), (repaid.Kind, repaid.Data["amount"], repaid.Data["remaining"]));
    }

    [Fact]
    public async Task A_transfer_tells_both_users_and_pools_get_nothing()
    {
        var to = Guid.NewGuid();
        var drafts = await ForAsync(new TransferWithFeesCompleted("c", Borrower.ToString(), to.ToString(), 100_000_000, 100_000, 50_000, 50_000, 99_950_000, 10, "rent", []));
        Assert.Equal([(to, NotificationKinds.CoinsReceived, "99.95"), (Borrower, NotificationKinds.CoinsSent, "100")],
            drafts.Select(d => (d.UserId, d.Kind, d.Data["amount"])));
        Assert.Equal(Borrower.ToString(), drafts[0].Data["from"]);
        Assert.Empty(await ForAsync(new WalletUnfrozen("operations-fund")));
    }
}
