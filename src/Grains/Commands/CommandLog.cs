using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Ledger;

namespace GxProtocol.Grains.Commands;

/// <summary>
/// The ledger commands an aggregate grain issued and has not seen finish: only what is in flight. Most aggregates keep
/// it in their persisted state; the user grain, whose commands come at the rate of its wallet, rebuilds it from its
/// unfinished outbox rows instead, so accepting a transfer writes one row and no grain state. A repeated command id
/// that is no longer here is recognised through the command's own outbox row.
/// </summary>
[GenerateSerializer, Alias("gx.CommandLog")]
public sealed class CommandLog
{
    /// <summary>Handed to the outbox again whenever the grain activates.</summary>
    [Id(0)] public Dictionary<Guid, LedgerCommand> Pending { get; set; } = [];

    // Id 1 held the last finished command ids in earlier versions; it is no longer read or written.

    /// <summary>
    /// Commands the ledger committed in the given block whose events this grain has not applied yet. Kept in memory
    /// only: after a restart the hand-off of the still pending command reports its commit again.
    /// </summary>
    private Dictionary<Guid, ulong> CommittedInBlock => _committedInBlock ??= [];

    [NonSerialized]
    private Dictionary<Guid, ulong>? _committedInBlock;

    /// <summary>What the pending commands hold, in Qirat.</summary>
    public long Held => Pending.Values.Sum(c => c.Hold);

    public bool IsPending(string transactionName) => Pending.Values.Any(c => c.TransactionName == transactionName);

    /// <summary>Marks a command finished (committed or refused); returns it if it was pending.</summary>
    public LedgerCommand? Finish(Guid commandId)
    {
        CommittedInBlock.Remove(commandId);
        return Pending.Remove(commandId, out var command) ? command : null;
    }

    public IReadOnlyList<LedgerCommand> FinishWhere(Func<LedgerCommand, bool> match)
    {
        var finished = Pending.Values.Where(match).ToList();
        foreach (var command in finished)
        {
            Finish(command.CommandId);
        }
        return finished;
    }

    /// <summary>
    /// The ledger committed a pending command in <paramref name="block"/>: it finishes now if the grain has applied
    /// that block already (its event came first, or never named this grain), else when it does. Returns it if it finished.
    /// </summary>
    public LedgerCommand? Committed(Guid commandId, ulong block, LedgerPosition lastApplied)
    {
        if (!Pending.ContainsKey(commandId))
        {
            return null;
        }
        if (lastApplied.Block >= block)
        {
            return Finish(commandId);
        }
        CommittedInBlock[commandId] = block;
        return null;
    }

    /// <summary>Finishes the committed commands whose block the grain has now applied; returns them.</summary>
    public IReadOnlyList<LedgerCommand> SettleCommitted(LedgerPosition applied)
    {
        if (CommittedInBlock.Count == 0)
        {
            return [];
        }
        var settled = CommittedInBlock.Where(c => c.Value <= applied.Block).Select(c => c.Key).ToList();
        return settled.Select(Finish).OfType<LedgerCommand>().ToList();
    }
}
