using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Commands;

/// <summary>
/// The ledger commands an aggregate grain issued and has not seen finish, plus the last ones that finished. Part of
/// the grain's persisted state, written in the same state write as the change that issued the command.
/// </summary>
[GenerateSerializer, Alias("gx.CommandLog")]
public sealed class CommandLog
{
    public const int RecentlyFinishedLimit = 256;

    /// <summary>Handed to the outbox again whenever the grain activates.</summary>
    [Id(0)] public Dictionary<Guid, LedgerCommand> Pending { get; set; } = [];

    /// <summary>A client retry arriving after its command finished (its idempotency record lost) must not issue it again.</summary>
    [Id(1)] public List<Guid> RecentlyFinished { get; set; } = [];

    public bool IsPending(string transactionName) => Pending.Values.Any(c => c.TransactionName == transactionName);

    /// <summary>Marks a command finished (committed or refused); returns it if it was pending.</summary>
    public LedgerCommand? Finish(Guid commandId)
    {
        if (!Pending.Remove(commandId, out var command))
        {
            return null;
        }
        RecentlyFinished.Add(commandId);
        if (RecentlyFinished.Count > RecentlyFinishedLimit)
        {
            RecentlyFinished.RemoveAt(0);
        }
        return command;
    }

    public void FinishWhere(Func<LedgerCommand, bool> match)
    {
        foreach (var command in Pending.Values.Where(match).ToList())
        {
            Finish(command.CommandId);
        }
    }
}
