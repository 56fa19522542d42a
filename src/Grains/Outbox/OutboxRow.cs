using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Outbox;

/// <summary>
/// One accepted command as the outbox stores it: a row keyed by command id, small and of a fixed shape whatever the
/// queue's length. The same row is the command's status record once it has finished. <see cref="TraceParent"/> is the
/// W3C context of the call that accepted it when that call was traced (see <see cref="OutboxTracing"/>), else null.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.OutboxRow")]
public sealed record OutboxRow(
    [property: Id(0)] LedgerCommand Command,
    [property: Id(1)] long Shard,
    [property: Id(2)] CommandState State = CommandState.Pending,
    [property: Id(3)] int Attempts = 0,
    [property: Id(4)] int ConflictRetries = 0,
    [property: Id(5)] string? LastError = null,
    [property: Id(6)] DateTimeOffset? NextAttemptAt = null,
    [property: Id(7)] bool DeadLettered = false,
    [property: Id(8)] string? TransactionId = null,
    [property: Id(9)] ulong? BlockNumber = null,
    [property: Id(10)] string? ErrorCode = null,
    [property: Id(11)] string? ErrorMessage = null,
    [property: Id(12)] DateTimeOffset? CompletedAt = null,
    [property: Id(13)] string? TraceParent = null)
{
    public Guid CommandId => Command.CommandId;

    public bool IsFinished => State is CommandState.Committed or CommandState.Failed;

    /// <summary>
    /// The id the next submission derives its transaction id from. A Fabric transaction id is spent even when the
    /// ledger commits it invalid, so each retry after a read conflict needs the next one; at most one can be VALID.
    /// </summary>
    public string SubmissionId => ConflictRetries == 0 ? CommandId.ToString() : $"{CommandId}:{ConflictRetries}";

    public CommandStatus ToStatus() => new(CommandId, Command.TransactionName, Command.OwnerUserId, State, Command.AcceptedAt,
        TransactionId, BlockNumber, ErrorCode, ErrorMessage, CompletedAt, Attempts, Shard);
}
