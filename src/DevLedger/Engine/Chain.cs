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
    private readonly Lock _gate = new();
    private readonly List<CommittedBlock> _blocks = [];
    private readonly Dictionary<string, TransactionLocation> _transactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<TransactionLocation>> _commitWaiters = new(StringComparer.Ordinal);
    private TaskCompletionSource _nextBlock = NewSignal();

    public byte[] LastHeaderHash { get; private set; } = [];

    public ulong Height
    {
        get
        {
            lock (_gate)
            {
                return (ulong)_blocks.Count;
            }
        }
    }

    public bool TryGetTransaction(string transactionId, out TransactionLocation location)
    {
        lock (_gate)
        {
            return _transactions.TryGetValue(transactionId, out location!);
        }
    }

    public bool Contains(string transactionId)
    {
        lock (_gate)
        {
            return _transactions.ContainsKey(transactionId);
        }
    }

    public CommittedBlock GetBlock(ulong number)
    {
        lock (_gate)
        {
            return _blocks[checked((int)number)];
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
        lock (_gate)
        {
            if ((ulong)_blocks.Count != summary.Number)
            {
                throw new InvalidOperationException($"Block {summary.Number} appended at height {_blocks.Count}.");
            }
            _blocks.Add(summary);
            for (int index = 0; index < summary.Transactions.Count; index++)
            {
                var record = summary.Transactions[index];
                var location = new TransactionLocation(summary.Number, index, record.ValidationCode);
                if (_transactions.TryAdd(record.TransactionId, location) && _commitWaiters.Remove(record.TransactionId, out var waiter))
                {
                    released.Add((waiter, location));
                }
            }
            LastHeaderHash = headerHash;
            signal = _nextBlock;
            _nextBlock = NewSignal();
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
        lock (_gate)
        {
            if (_transactions.TryGetValue(transactionId, out var location))
            {
                return Task.FromResult(location);
            }
            if (!_commitWaiters.TryGetValue(transactionId, out var waiter))
            {
                waiter = new TaskCompletionSource<TransactionLocation>(TaskCreationOptions.RunContinuationsAsynchronously);
                _commitWaiters[transactionId] = waiter;
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
            lock (_gate)
            {
                if ((ulong)_blocks.Count > number)
                {
                    return;
                }
                signal = _nextBlock.Task;
            }
            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Fails every commit-status waiter, e.g. when the ledger stops.</summary>
    public void AbortWaiters()
    {
        lock (_gate)
        {
            foreach (var waiter in _commitWaiters.Values)
            {
                waiter.TrySetException(new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, "the DevLedger is shutting down")));
            }
            _commitWaiters.Clear();
        }
    }

    public void Dispose() => file?.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
