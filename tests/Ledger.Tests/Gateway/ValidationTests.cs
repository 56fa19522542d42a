using System.Text;
using GxProtocol.Fabric;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.Ledger.Tests.Gateway;

public sealed class ValidationTests
{
    [Fact]
    public async Task A_resubmitted_command_commits_once_and_the_retry_reports_DUPLICATE_TXID()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["alice", "100"]);
        string commandId = Guid.NewGuid().ToString();

        var first = await ledger.Client.SubmitAsync(commandId, "KV:Transfer", ["alice", "bob", "30"]);
        var retry = await Assert.ThrowsAsync<LedgerCommitException>(() => ledger.Client.SubmitAsync(commandId, "KV:Transfer", ["alice", "bob", "30"]));

        Assert.True(retry.IsDuplicate);
        Assert.Equal(TxValidationCodes.DuplicateTxId, retry.ValidationCode);
        Assert.Equal(first.TransactionId, retry.TransactionId);
        Assert.Equal("70", Encoding.UTF8.GetString(ledger.Host.Ledger.GetState("alice")!));
        Assert.True((await ledger.Client.GetCommitStatusAsync(first.TransactionId)).IsValid);
    }

    [Fact]
    public async Task Two_copies_of_one_transaction_ordered_together_commit_once()
    {
        await using var ledger = await LedgerFixture.StartAsync(options =>
        {
            options.MaxTransactionsPerBlock = 2;
            options.BatchTimeout = TimeSpan.FromSeconds(30);
        });
        using var identity = RawGateway.SigningIdentityOf(ledger.Identity);
        var gateway = ledger.RawGateway();
        string commandId = Guid.NewGuid().ToString();
        // Both endorsements happen before either copy is committed, so the endorser cannot spot the duplicate.
        var one = await RawGateway.EndorseAsync(gateway, identity, "KV:Put", ["dup", "1"], commandId);
        var two = await RawGateway.EndorseAsync(gateway, identity, "KV:Put", ["dup", "2"], commandId);
        Assert.Equal(one.TransactionId, two.TransactionId);

        await RawGateway.SubmitAsync(gateway, one.TransactionId, one.Envelope);
        await RawGateway.SubmitAsync(gateway, two.TransactionId, two.Envelope);
        var status = await Await.WithTimeout(ledger.Client.GetCommitStatusAsync(one.TransactionId), "the block holding both copies");

        Assert.True(status.IsValid);
        var codes = ledger.Host.Ledger.GetBlock(status.BlockNumber).Transactions.Select(t => t.ValidationCode).ToList();
        Assert.Equal([(int)TxValidationCode.Valid, (int)TxValidationCode.DuplicateTxid], codes);
        Assert.Equal("1", Encoding.UTF8.GetString(ledger.Host.Ledger.GetState("dup")!));
    }

    [Fact]
    public async Task A_stale_read_commits_as_MVCC_READ_CONFLICT_and_its_writes_are_discarded()
    {
        await using var ledger = await LedgerFixture.StartAsync(options =>
        {
            options.MaxTransactionsPerBlock = 2;
            options.BatchTimeout = TimeSpan.FromSeconds(30);
        });
        // Blocks are cut only when full (two transactions), so the seed goes in with a filler.
        await Await.WithTimeout(Task.WhenAll(
            ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["alice", "100"]),
            ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["filler", "0"])), "the seed block");
        using var identity = RawGateway.SigningIdentityOf(ledger.Identity);
        var gateway = ledger.RawGateway();
        var toBob = await RawGateway.EndorseAsync(gateway, identity, "KV:Transfer", ["alice", "bob", "60"], Guid.NewGuid().ToString());
        var toCarol = await RawGateway.EndorseAsync(gateway, identity, "KV:Transfer", ["alice", "carol", "60"], Guid.NewGuid().ToString());

        await RawGateway.SubmitAsync(gateway, toBob.TransactionId, toBob.Envelope);
        await RawGateway.SubmitAsync(gateway, toCarol.TransactionId, toCarol.Envelope);
        var bob = await Await.WithTimeout(ledger.Client.GetCommitStatusAsync(toBob.TransactionId), "commit of the transfer to bob");
        var carol = await Await.WithTimeout(ledger.Client.GetCommitStatusAsync(toCarol.TransactionId), "commit of the transfer to carol");

        Assert.True(bob.IsValid);
        Assert.Equal(TxValidationCodes.MvccReadConflict, carol.ValidationCode);
        Assert.Equal("40", Encoding.UTF8.GetString(ledger.Host.Ledger.GetState("alice")!));
        Assert.Null(ledger.Host.Ledger.GetState("carol"));
    }

    [Fact]
    public async Task A_range_that_gained_a_key_commits_as_PHANTOM_READ_CONFLICT()
    {
        await using var ledger = await LedgerFixture.StartAsync(options =>
        {
            options.MaxTransactionsPerBlock = 2;
            options.BatchTimeout = TimeSpan.FromSeconds(30);
        });
        using var identity = RawGateway.SigningIdentityOf(ledger.Identity);
        var gateway = ledger.RawGateway();
        var insert = await RawGateway.EndorseAsync(gateway, identity, "KV:Put", ["item:2", "x"], Guid.NewGuid().ToString());
        var count = await RawGateway.EndorseAsync(gateway, identity, "KV:CountThenPut", ["item:", "item;", "itemCount"], Guid.NewGuid().ToString());

        await RawGateway.SubmitAsync(gateway, insert.TransactionId, insert.Envelope);
        await RawGateway.SubmitAsync(gateway, count.TransactionId, count.Envelope);
        var status = await Await.WithTimeout(ledger.Client.GetCommitStatusAsync(count.TransactionId), "commit of the range reader");

        Assert.Equal(TxValidationCodes.PhantomReadConflict, status.ValidationCode);
        Assert.Null(ledger.Host.Ledger.GetState("itemCount"));
    }

    [Fact]
    public async Task Submit_surfaces_an_invalid_commit_as_LedgerCommitException()
    {
        await using var ledger = await LedgerFixture.StartAsync(options => options.Faults.MvccConflictRate = 1);

        var failure = await Assert.ThrowsAsync<LedgerCommitException>(() => ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["k", "v"]));

        Assert.Equal(TxValidationCodes.MvccReadConflict, failure.ValidationCode);
        Assert.True(failure.IsTransient);
        Assert.Null(ledger.Host.Ledger.GetState("k"));
    }
}
