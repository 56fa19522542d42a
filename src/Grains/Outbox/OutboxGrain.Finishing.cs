using System.Diagnostics;
using GxProtocol.Grains.Interfaces.Commands;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Grains.Outbox;

/// <summary>A finished command: its row is stored finished, waiters are released and the originating aggregate is told.</summary>
public sealed partial class OutboxGrain
{
    /// <summary>With the retry backoff, about half a minute: longer than a silo failover takes.</summary>
    private const int OriginNotificationAttempts = 10;

    private Task CommitAsync(OutboxRow row, string transactionId, ulong blockNumber, long started) =>
        FinishAsync(row with { State = CommandState.Committed, TransactionId = transactionId, BlockNumber = blockNumber }, "committed", started);

    private Task FailAsync(OutboxRow row, string code, string message, long started) =>
        FinishAsync(row with { State = CommandState.Failed, ErrorCode = code, ErrorMessage = message }, "failed", started);

    /// <summary>
    /// Stores the final row, forgets the command and tells its origin. The origin is told in the background: it may be
    /// busy with its own requests, and waiting for it would keep the next command of the shard waiting too. Should every
    /// attempt fail, the origin still learns when it activates next (its hand-off or its rows show the command finished).
    /// </summary>
    private async Task FinishAsync(OutboxRow finished, string outcome, long started)
    {
        finished = finished with { DeadLettered = false, NextAttemptAt = null, CompletedAt = clock.GetUtcNow() };
        await store.UpdateAsync(finished);
        _queue.Remove(finished.CommandId);
        if (_waiters.Remove(finished.CommandId, out var waiter))
        {
            waiter.TrySetResult(finished.ToStatus());
        }
        metrics.RecordFinished(outcome);
        metrics.RecordSubmitLatency(Stopwatch.GetElapsedTime(started));
        PublishDepth();
        _ = TellOriginAsync(finished);
    }

    private async Task TellOriginAsync(OutboxRow finished)
    {
        var origin = GrainFactory.GetGrain<ICommandOrigin>(finished.Command.Origin);
        using var span = OutboxTracing.StartFinished(finished);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await (finished.State == CommandState.Committed
                    ? origin.OnCommandCommittedAsync(finished.CommandId, finished.BlockNumber ?? 0)
                    : origin.OnCommandFailedAsync(finished.CommandId, finished.ErrorCode ?? "FAILED", finished.ErrorMessage ?? ""));
                return;
            }
            catch (Exception unreachable) when (attempt < OriginNotificationAttempts)
            {
                logger.LogDebug(unreachable, "Could not tell the origin of command {CommandId} it finished; trying again", finished.CommandId);
                await Task.Delay(RetryDelay(attempt), clock);
            }
            catch (Exception unreachable)
            {
                logger.LogWarning(unreachable, "Gave up telling the origin of command {CommandId} it finished; it learns at its next activation", finished.CommandId);
                return;
            }
        }
    }
}
