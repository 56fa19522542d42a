using Grpc.Core;
using GxProtocol.DevLedger.Storage;
using GxProtocol.Fabric.Protos.Common;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The committed chain: block summaries, the transaction-id index (first occurrence wins, valid or not, as in
/// Fabric's block store), waiters for commit status, and a signal for event streams waiting on the next block.
/// </summary>
internal sealed class Chain(BlockFile? file) : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<CommittedBlock> blocks = [];
    private readonly Dictionary<string, TransactionLocation> transactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<TransactionLocation>> commitWaiters = new(StringComparer.Ordinal);
    private TaskCompletionSource nextBlock = NewSignal();

    public byte[] LastHeaderHash { get; private set; } = [];

    public ulong Height
    {
        get
        {
            lock (gate)
            {
                return (ulong)blocks.Count;
            }
        }
    }

    public bool TryGetTransaction(string transactionId, out TransactionLocation location)
    {
        lock (gate)
        {
            return transactions.TryGetValue(transactionId, out location!);
        }
    }

    public bool Contains(string transactionId)
    {
        lock (gate)
        {
            return transactions.ContainsKey(transactionId);
        }
    }

    public CommittedBlock GetBlock(ulong number)
    {
        lock (gate)
        {
            return blocks[checked((int)number)];
        }
    }

    /// <summary>Records a committed block; <paramref name="persist"/> is false while replaying the block file.</summary>
    public void Append(Block block, CommittedBlock summary, byte[] headerHash, bool persist)
    {
        if (persist)
        {
            file?.Append(block);
        }
        List<(TaskCompletionSource<TransactionLocation> Waiter, TransactionLocation Location)> released = [];
        TaskCompletionSource signal;
        lock (gate)
        {
            if ((ulong)blocks.Count != summary.Number)
            {
                throw new InvalidOperationException($"Block {summary.Number} appended at height {blocks.Count}.");
            }
            blocks.Add(summary);
            for (int index = 0; index < summary.Transactions.Count; index++)
            {
                var record = summary.Transactions[index];
                var location = new TransactionLocation(summary.Number, index, record.ValidationCode);
                if (transactions.TryAdd(record.TransactionId, location) && commitWaiters.Remove(record.TransactionId, out var waiter))
                {
                    released.Add((waiter, location));
                }
            }
            LastHeaderHash = headerHash;
            signal = nextBlock;
            nextBlock = NewSignal();
        }
        foreach (var (waiter, location) in released)
        {
            waiter.TrySetResult(location);
        }
        signal.TrySetResult();
    }

    /// <summary>Completes when <paramref name="transactionId"/> is committed (at once if it already is).</summary>
    public Task<TransactionLocation> WaitForTransactionAsync(string transactionId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (transactions.TryGetValue(transactionId, out var location))
            {
                return Task.FromResult(location);
            }
            if (!commitWaiters.TryGetValue(transactionId, out var waiter))
            {
                waiter = new TaskCompletionSource<TransactionLocation>(TaskCreationOptions.RunContinuationsAsynchronously);
                commitWaiters[transactionId] = waiter;
            }
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes when block <paramref name="number"/> has been committed.</summary>
    public async Task WaitForBlockAsync(ulong number, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (gate)
            {
                if ((ulong)blocks.Count > number)
                {
                    return;
                }
                signal = nextBlock.Task;
            }
            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Fails every commit-status waiter, e.g. when the ledger stops.</summary>
    public void AbortWaiters()
    {
        lock (gate)
        {
            foreach (var waiter in commitWaiters.Values)
            {
                waiter.TrySetException(new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, "the DevLedger is shutting down")));
            }
            commitWaiters.Clear();
        }
    }

    public void Dispose() => file?.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
