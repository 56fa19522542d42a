using GxProtocol.Contract;
using GxProtocol.Fabric;
using GxProtocol.Grains.Interfaces.Tax;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Tax;

/// <summary>
/// Lists each pool's unfolded credit keys (an evaluate) and folds exactly those (a submit), a thousand at a time.
/// Nothing is stored: a fold that fails or is committed invalid leaves the keys where they were, and the next tick lists
/// them again; folding a key twice counts it once (the chaincode skips keys already gone). It submits directly rather
/// than through the outbox because it is no user's command and must not queue behind transfers.
/// </summary>
public sealed class FeeCreditFoldGrain(
    ILedgerClient ledger,
    IOptions<FeeCreditFoldOptions> options,
    TimeProvider clock,
    ILogger<FeeCreditFoldGrain> logger) : Grain, IFeeCreditFoldGrain
{
    private static readonly string[] Pools = [GxSupply.OperationsFundPool, GxSupply.CharitablePool];

    // Enough for a million fees per interval; the rest waits for the next tick.
    private const int MaxRoundsPerPool = 1000;

    private FeeCreditFoldResult? _last;

    public async Task<FeeCreditFoldResult> FoldAsync()
    {
        // Every silo's timer calls this grain: one fold per interval is enough.
        if (_last is { Skipped: false } last && clock.GetUtcNow() - last.FinishedAt < options.Value.FoldInterval / 2)
        {
            return last with { Skipped = true };
        }
        var credits = 0;
        var amount = 0L;
        foreach (var pool in Pools)
        {
            for (var round = 0; round < MaxRoundsPerPool; round++)
            {
                var listed = await LedgerQueries.EvaluateAsync<BlindCreditsResult>(ledger, GxChaincode.Admin.GetBlindCredits, new GetBlindCreditsArgs(pool).ToArguments());
                if (listed.TransactionIds.Count == 0)
                {
                    break;
                }
                var committed = await ledger.SubmitAsync(Guid.NewGuid().ToString(), GxChaincode.Admin.FoldBlindCredits,
                    new FoldBlindCreditsArgs(pool, listed.TransactionIds).ToArguments());
                var folded = LedgerEventJson.Deserialize<BlindCreditsFolded>(committed.Result);
                credits += folded.Credits;
                amount += folded.Amount;
                if (listed.TransactionIds.Count < GxChaincode.MaxCreditsPerFold)
                {
                    break;
                }
            }
        }
        _last = new FeeCreditFoldResult(credits, amount, clock.GetUtcNow(), Skipped: false);
        logger.Log(credits > 0 ? LogLevel.Information : LogLevel.Debug,
            "Folded {Credits} blind credit keys ({Amount} Qirat) into the pools' balances", credits, amount);
        return _last;
    }

    public Task<FeeCreditFoldResult?> GetLastAsync() => Task.FromResult(_last);
}
