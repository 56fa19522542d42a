using System.Text.Json;
using GxProtocol.Fabric;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.ReadModels;

/// <summary>
/// Replays every chaincode event up to the live read models' checkpoint into a fresh in-memory copy, then compares
/// each wallet's newest history line with the live read models and each balance with the user grain. With
/// <c>replace</c>, the live read models are swapped for the copy when they differ (and the projector has not moved on).
/// </summary>
public sealed class ReadModelRebuildGrain(ILedgerClient ledger, IReadModelStore live) : Grain, IReadModelRebuildGrain
{
    private static readonly TimeSpan ReplayTimeout = TimeSpan.FromMinutes(5);

    public async Task<RebuildReport> RebuildAsync(bool replace)
    {
        var checkpoint = await live.GetCheckpointAsync();
        var fresh = new InMemoryReadModelStore();
        var history = new List<ReadModelChanges>();
        var wallets = new HashSet<Guid>();
        long replayed = 0, unreadable = 0;
        if (checkpoint != LedgerPosition.None)
        {
            using var timeout = new CancellationTokenSource(ReplayTimeout);
            var position = LedgerPosition.None;
            await foreach (var ledgerEvent in ledger.ReadEventsAsync(new LedgerCheckpoint(0, null), timeout.Token))
            {
                position = position.Next(ledgerEvent.BlockNumber);
                var envelope = new LedgerEventEnvelope(position, ledgerEvent.TransactionId, ledgerEvent.EventName, ledgerEvent.Payload, DateTimeOffset.UtcNow);
                var changes = ReadableChanges(envelope, ref unreadable);
                await fresh.ApplyAsync(position, changes);
                history.Add(changes);
                wallets.UnionWith(changes.WalletLines.Select(line => line.UserId));
                replayed++;
                if (position >= checkpoint)
                {
                    break;
                }
            }
        }

        var differences = new List<string>();
        foreach (var userId in wallets)
        {
            var rebuilt = (await fresh.GetWalletTransactionsAsync(userId, null, 1)).Items[0];
            var current = (await live.GetWalletTransactionsAsync(userId, null, 1)).Items.FirstOrDefault();
            if (current is null || current.TransactionId != rebuilt.TransactionId || current.BalanceAfter != rebuilt.BalanceAfter)
            {
                differences.Add($"read model, wallet {userId}: newest line {Describe(current)}, the ledger says {Describe(rebuilt)}");
            }
            var grain = await GrainFactory.GetGrain<IUserGrain>(userId).GetWalletAsync();
            if (grain.Balance != rebuilt.BalanceAfter)
            {
                differences.Add($"grain, wallet {userId}: balance {grain.Balance}, the ledger says {rebuilt.BalanceAfter}");
            }
        }
        var replaced = replace && differences.Count > 0 && await live.ReplaceAsync(checkpoint, history);
        return new RebuildReport(checkpoint.ToString(), replayed, unreadable, wallets.Count, differences, replaced);
    }

    private static ReadModelChanges ReadableChanges(LedgerEventEnvelope envelope, ref long unreadable)
    {
        try
        {
            return ReadModelProjection.ChangesFor(envelope);
        }
        catch (JsonException)
        {
            unreadable++;
            return ReadModelChanges.None;
        }
    }

    private static string Describe(WalletTransactionView? line) =>
        line is null ? "(none)" : $"{line.TransactionId} balance {line.BalanceAfter}";
}
