using System.Collections.Concurrent;
using GxProtocol.DevLedger.Configuration;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The orderer: queues accepted transactions and, on a thread of its own, cuts them into blocks like Fabric's block
/// cutter (at <see cref="DevLedgerOptions.MaxTransactionsPerBlock"/>, or when the batch timeout started by a batch's
/// first transaction runs out), handing each batch to the <see cref="BlockCommitter"/>. Its own class because it owns
/// the only thread of the ledger and its life cycle: stopping drops what is queued, as an orderer crash would.
/// </summary>
internal sealed class Orderer : IAsyncDisposable
{
    private readonly DevLedgerOptions _options;
    private readonly BlockCommitter _committer;
    private readonly ConcurrentQueue<PendingTransaction> _queue = new();
    private readonly SemaphoreSlim _queued = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _thread;

    /// <summary>Starts the orderer's thread.</summary>
    public Orderer(DevLedgerOptions options, BlockCommitter committer)
    {
        _options = options;
        _committer = committer;
        // On the thread pool the batch timer would queue behind request work and every block would take as long as
        // the backlog of endorsements.
        _thread = new Thread(() => Run(_stopping.Token)) { IsBackground = true, Name = "DevLedger orderer" };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="pending"/> for the next block.</summary>
    public void Enqueue(PendingTransaction pending)
    {
        _queue.Enqueue(pending);
        _queued.Release();
    }

    public async ValueTask DisposeAsync()
    {
        // Stopping cancels the wait for the next batch; transactions not yet in a block are dropped as in an orderer crash.
        await _stopping.CancelAsync().ConfigureAwait(false);
        _thread.Join();
        _queued.Dispose();
        _stopping.Dispose();
    }

    private void Run(CancellationToken cancellationToken)
    {
        var batch = new List<PendingTransaction>(_options.MaxTransactionsPerBlock);
        try
        {
            while (true)
            {
                _queued.Wait(cancellationToken);
                // Like Fabric's block cutter: the batch timer starts with the first transaction of the batch.
                long deadline = Environment.TickCount64 + (long)Math.Ceiling(_options.BatchTimeout.TotalMilliseconds);
                Dequeue(batch);
                while (batch.Count < _options.MaxTransactionsPerBlock)
                {
                    long remaining = deadline - Environment.TickCount64;
                    if (remaining <= 0 || !_queued.Wait(TimeSpan.FromMilliseconds(remaining), cancellationToken))
                    {
                        break;
                    }
                    Dequeue(batch);
                }
                _committer.Commit(batch, cancellationToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The ledger is stopping.
        }
    }

    private void Dequeue(List<PendingTransaction> batch)
    {
        if (_queue.TryDequeue(out var pending))
        {
            batch.Add(pending);
        }
    }
}
