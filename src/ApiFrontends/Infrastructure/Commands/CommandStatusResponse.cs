using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.ApiFrontends.Infrastructure.Commands;

/// <summary>A command's status as the API shows it: PENDING, SUBMITTED, COMMITTED (txId, block) or FAILED (code, reason).</summary>
public sealed record CommandStatusResponse(
    Guid CommandId,
    string Status,
    string TransactionName,
    DateTimeOffset AcceptedAt,
    string? TxId,
    ulong? BlockNumber,
    string? ErrorCode,
    string? Reason,
    DateTimeOffset? CompletedAt)
{
    public static CommandStatusResponse From(CommandStatus status) => new(
        status.CommandId, status.State.ToString().ToUpperInvariant(), status.TransactionName, status.AcceptedAt,
        status.TransactionId, status.BlockNumber, status.ErrorCode, status.ErrorMessage, status.CompletedAt);
}
