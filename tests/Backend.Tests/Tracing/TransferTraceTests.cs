using System.Diagnostics;
using System.Net;
using GxProtocol.ApiFrontends.Hosting.Tracing;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Outbox;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace GxProtocol.Backend.Tests.Tracing;

/// <summary>
/// One transfer against an embedded silo with tracing on and an in-memory exporter: the HTTP request, the grain calls,
/// the outbox submission and the Fabric gateway's gRPC call share one trace, and the handling of the commit is a trace
/// of its own linked to the submission by context and command id.
/// </summary>
public sealed class TransferTraceTests : IAsyncLifetime
{
    private const string AdminEmail = "root@gx.test";
    private const string AdminPassword = "correct horse battery staple";
    private readonly SpanRecorder _spans = new();
    private readonly JourneyDriver _journey;
    private InProcessSilo _silo = null!;

    public TransferTraceTests() => _journey = new JourneyDriver(() => _silo.ApiBase);

    public async Task InitializeAsync() => _silo = await InProcessSilo.StartAsync(new Dictionary<string, string>
    {
        ["Gx:Bootstrap:SuperAdminEmail"] = AdminEmail,
        ["Gx:Bootstrap:SuperAdminPassword"] = AdminPassword,
        [GxTracingSettings.TracingKey] = "true",
    }, services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task A_transfer_is_one_trace_from_the_request_to_the_ledger_and_its_commit_links_back()
    {
        using var admin = await _journey.LoginAsync(AdminEmail, AdminPassword);
        await _journey.BootstrapAsync(admin);
        using var alice = await _journey.RegisterActiveUserAsync(admin, "alice@gx.test", "MY");
        using var bob = await _journey.RegisterActiveUserAsync(admin, "bob@gx.test", "MY");
        await JourneyDriver.WaitForBalanceAsync(alice.Client, alice.UserId, "500");

        // The caller's own trace context: the request must continue it, not start another.
        using var caller = new Activity("test-caller").SetIdFormat(ActivityIdFormat.W3C);
        caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        caller.Start();
        var transfer = await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount = "100", remark = "traced" });
        caller.Stop();
        Assert.True(transfer.Status == HttpStatusCode.Accepted, $"transfer: {transfer}");
        var commandId = transfer["commandId"];
        var trace = caller.TraceId;

        var spans = await Eventually.MatchesAsync(() => Task.FromResult(_spans.Snapshot()),
            all => all.Any(s => s.OperationName == OutboxTracing.FinishedSpan && Tag(s, OutboxTracing.CommandIdTag) == commandId)
                && all.Any(s => s.TraceId == trace && s.Kind == ActivityKind.Client && s.Source.Name != OutboxTracing.SourceName
                    && s.Source.Name != TracingHostingExtensions.OrleansGrainCallSource),
            $"the commit of {commandId} to be handled and a gRPC client span in trace {trace}", TimeSpan.FromSeconds(60));
        var inTrace = spans.Where(s => s.TraceId == trace).ToList();
        var described = SpanRecorder.Describe(inTrace);

        var request = Assert.Single(inTrace, s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore"
            && Tag(s, "url.path") == "/tokenomics/api/v1/transfers");
        Assert.True(request.HasRemoteParent, "the request span should continue the caller's traceparent");

        var submission = inTrace.First(s => s.OperationName == OutboxTracing.SubmitSpan && Tag(s, OutboxTracing.CommandIdTag) == commandId);
        // The row carries the accepting call's context (it was written in the accepting row write): a submission after
        // a restart starts from it, not from whatever is current then.
        var row = await _silo.Services.GetRequiredService<IOutboxStore>().GetAsync(Guid.Parse(commandId));
        Assert.NotNull(row);
        Assert.Equal($"00-{trace}-{submission.ParentSpanId}-01", row.TraceParent);
        // The submission descends from the request through grain calls: user grain, then outbox shard.
        var ancestry = Ancestors(submission, inTrace);
        Assert.True(ancestry.Contains(request), $"the submission's ancestry should reach the HTTP request:\n{described}");
        var grainCalls = ancestry.Where(s => s.Source.Name == TracingHostingExtensions.OrleansGrainCallSource).ToList();
        Assert.True(grainCalls.Any(s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("IUserGrain/", StringComparison.Ordinal))
            && grainCalls.Any(s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("IOutboxGrain/", StringComparison.Ordinal)),
            $"the submission should descend from the user grain's and the outbox shard's grain calls:\n{SpanRecorder.Describe(ancestry)}");

        // The Fabric gateway protocol: endorse, submit, then the commit status, each a gRPC call under the submission.
        var gatewayCalls = inTrace.Where(s => s.Kind == ActivityKind.Client && s.ParentSpanId == submission.SpanId).ToList();
        Assert.True(gatewayCalls.Count > 0 && gatewayCalls.All(s => s.DisplayName.StartsWith("gateway.Gateway/", StringComparison.Ordinal)),
            $"Fabric gateway gRPC client spans under the submission expected:\n{described}");
        var submit = gatewayCalls.FirstOrDefault(s => s.DisplayName == "gateway.Gateway/Submit");
        Assert.True(submit is not null, $"a gateway Submit call expected:\n{described}");
        // The context crosses into the ledger: the DevLedger's gRPC server span is the Submit call's child.
        Assert.Contains(inTrace, s => s.Kind == ActivityKind.Server && s.ParentSpanId == submit.SpanId);

        var finished = Assert.Single(spans, s => s.OperationName == OutboxTracing.FinishedSpan && Tag(s, OutboxTracing.CommandIdTag) == commandId);
        Assert.NotEqual(trace, finished.TraceId);
        var link = Assert.Single(finished.Links);
        Assert.Equal(submission.Context.TraceId, link.Context.TraceId);
        Assert.Equal(submission.Context.SpanId, link.Context.SpanId);
        Assert.Equal("Committed", Tag(finished, "gx.command.state"));
        // The origin's handling of the commit (releasing the hold once the block's events are applied) runs inside it.
        Assert.True(spans.Any(s => s.TraceId == finished.TraceId && s.Source.Name == TracingHostingExtensions.OrleansGrainCallSource
            && s.DisplayName.Contains("OnCommandCommitted", StringComparison.Ordinal)),
            $"the origin's OnCommandCommitted call should be in the commit's trace:\n{SpanRecorder.Describe(spans.Where(s => s.TraceId == finished.TraceId))}");
    }

    private static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    private static List<Activity> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        var bySpanId = trace.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        var ancestors = new List<Activity>();
        var current = span;
        while (current.ParentSpanId != default && bySpanId.TryGetValue(current.ParentSpanId, out var parent))
        {
            ancestors.Add(parent);
            current = parent;
        }
        return ancestors;
    }
}
