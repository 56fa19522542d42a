using GxProtocol.Grains.Interfaces.Commands;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GxProtocol.ApiFrontends.Infrastructure.Commands;

/// <summary>
/// The answer to a ledger command: 202 with its status location, or, when the client sent <c>Prefer: wait=N</c>
/// and the command finished within N seconds, 200 with its outcome.
/// </summary>
public static class CommandResults
{
    public static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> AcceptedOrFinishedAsync(
        IGrainFactory grains, HttpRequest request, CommandAccepted accepted)
    {
        if (PreferWait.Parse(request) is { } wait && wait > TimeSpan.Zero)
        {
            var status = await grains.GetGrain<ICommandGrain>(accepted.CommandId).WaitUntilFinishedAsync(wait);
            if (status is { IsFinished: true })
            {
                request.HttpContext.Response.Headers["Preference-Applied"] = $"wait={(int)wait.TotalSeconds}";
                return TypedResults.Ok(CommandStatusResponse.From(status));
            }
        }
        return AcceptedCommand.Result(accepted);
    }
}
