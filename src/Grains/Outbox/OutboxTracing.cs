using System.Diagnostics;

namespace GxProtocol.Grains.Outbox;

/// <summary>
/// The outbox's spans. A command is submitted after its request has ended, from the shard's own loop, so the request's
/// W3C trace context is kept on the command's row (written in the row write that accepts it, no write of its own) and
/// the submission continues that trace. The origin hears of the outcome later still: that span starts a trace of its
/// own, linked to the submission and tagged with the command id. With no listener every call here returns null at once.
/// </summary>
public static class OutboxTracing
{
    public const string SourceName = "GxProtocol.Outbox";
    public const string SubmitSpan = "gx.outbox.submit";
    public const string FinishedSpan = "gx.command.finished";
    public const string CommandIdTag = "gx.command_id";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The context of the grain call accepting a command, when it is being traced; null otherwise.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { Recorded: true, IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>One attempt to submit <paramref name="row"/>, a child of the request that accepted it.</summary>
    public static Activity? StartSubmission(OutboxRow row)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var parent = Parse(row.TraceParent);
        var submission = Source.StartActivity(SubmitSpan, ActivityKind.Internal, parent ?? default);
        submission?.SetTag(CommandIdTag, row.CommandId.ToString());
        submission?.SetTag("gx.transaction_name", row.Command.TransactionName);
        submission?.SetTag("gx.attempt", row.Attempts);
        return submission;
    }

    /// <summary>
    /// The origin being told <paramref name="finished"/>'s outcome: a new trace linked to the submission that finished
    /// it (the current span when called from one), or to the accepting request's context when re-reported later.
    /// </summary>
    public static Activity? StartFinished(OutboxRow finished)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var link = Activity.Current is { OperationName: SubmitSpan } submission && submission.Source == Source
            ? submission.Context
            : Parse(finished.TraceParent);
        // A root of its own: the outcome is handled after the submission's trace has ended, possibly much later.
        Activity.Current = null;
        var span = Source.StartActivity(FinishedSpan, ActivityKind.Internal, parentContext: default,
            links: link is { } context ? [new ActivityLink(context)] : null);
        span?.SetTag(CommandIdTag, finished.CommandId.ToString());
        span?.SetTag("gx.command.state", finished.State.ToString());
        if (finished.BlockNumber is { } block)
        {
            span?.SetTag("gx.block_number", block);
        }
        return span;
    }

    private static ActivityContext? Parse(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : null;
}
