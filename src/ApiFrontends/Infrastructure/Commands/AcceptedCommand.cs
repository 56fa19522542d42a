using GxProtocol.Grains.Interfaces.Commands;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GxProtocol.ApiFrontends.Infrastructure.Commands;

/// <summary>The 202 body of a ledger command; <c>status</c> serializes as PENDING/SUBMITTED/COMMITTED/FAILED.</summary>
public sealed record AcceptedCommand(Guid CommandId, CommandState Status)
{
    public static string StatusLocation(Guid commandId) => $"/identity/api/v1/commands/{commandId:D}";

    public static Accepted<AcceptedCommand> Result(CommandAccepted accepted) => Result(accepted.CommandId, accepted.Status);

    public static Accepted<AcceptedCommand> Result(Guid commandId, CommandState status) =>
        TypedResults.Accepted(StatusLocation(commandId), new AcceptedCommand(commandId, status));
}
