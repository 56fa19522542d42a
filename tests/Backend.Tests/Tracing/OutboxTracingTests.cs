using System.Diagnostics;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Outbox;

namespace GxProtocol.Backend.Tests.Tracing;

/// <summary>
/// The outbox's spans follow the row, not whatever happens to be current: a submission after a reactivation or a
/// reminder runs outside the accepting request, and must still continue that request's trace.
/// </summary>
public sealed class OutboxTracingTests : IDisposable
{
    private readonly List<Activity> _ended = [];
    private readonly ActivityListener _listener;

    public OutboxTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OutboxTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (_ended) { _ended.Add(activity); } },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private static OutboxRow Row(string? traceParent) => new(
        new LedgerCommand(Guid.NewGuid(), "TransferTokens", ["a", "b"], default, null, DateTimeOffset.UnixEpoch), 3, TraceParent: traceParent);

    [Fact]
    public void A_submission_continues_the_trace_stored_on_its_row_whatever_is_current()
    {
        var accepted = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var row = Row($"00-{accepted.TraceId}-{accepted.SpanId}-01");
        using var unrelated = new Activity("reminder tick").SetIdFormat(ActivityIdFormat.W3C).Start();

        using (var submission = OutboxTracing.StartSubmission(row))
        {
            Assert.NotNull(submission);
            Assert.Equal(accepted.TraceId, submission.TraceId);
            Assert.Equal(accepted.SpanId, submission.ParentSpanId);
            Assert.Equal(row.CommandId.ToString(), submission.GetTagItem(OutboxTracing.CommandIdTag));
        }
        Assert.Same(unrelated, Activity.Current);
    }

    [Fact]
    public async Task The_outcome_is_a_trace_of_its_own_linked_to_the_submission_that_finished_it()
    {
        var row = Row($"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01");
        using var submission = OutboxTracing.StartSubmission(row)!;

        // Called as TellOriginAsync calls it: from an async method, so the caller keeps its current span.
        var (finishedTrace, link, commandId) = await Task.Run(async () =>
        {
            Activity.Current = submission;
            await Task.Yield();
            using var finished = OutboxTracing.StartFinished(row with { State = CommandState.Committed, BlockNumber = 7 })!;
            return (finished.TraceId, finished.Links.Single().Context, finished.GetTagItem(OutboxTracing.CommandIdTag));
        });

        Assert.NotEqual(submission.TraceId, finishedTrace);
        Assert.Equal(submission.TraceId, link.TraceId);
        Assert.Equal(submission.SpanId, link.SpanId);
        Assert.Equal(row.CommandId.ToString(), commandId);
    }

    [Fact]
    public void A_row_re_reported_later_links_to_the_context_it_was_accepted_in()
    {
        var accepted = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var row = Row($"00-{accepted.TraceId}-{accepted.SpanId}-01") with { State = CommandState.Committed };
        Activity.Current = null;

        using var finished = OutboxTracing.StartFinished(row)!;

        var link = Assert.Single(finished.Links);
        Assert.Equal(accepted.TraceId, link.Context.TraceId);
        Assert.Equal(accepted.SpanId, link.Context.SpanId);
    }

    [Fact]
    public void Only_a_traced_call_leaves_a_trace_parent_on_the_row()
    {
        Activity.Current = null;
        Assert.Null(OutboxTracing.CurrentTraceParent());
        using (var untraced = new Activity("request without listener").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            Assert.Null(OutboxTracing.CurrentTraceParent());
        }
        using var traced = new Activity("sampled request").SetIdFormat(ActivityIdFormat.W3C);
        traced.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        traced.Start();
        Assert.Equal(traced.Id, OutboxTracing.CurrentTraceParent());
    }
}
