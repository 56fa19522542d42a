using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

public sealed class IdempotencyTests(IdempotencyClusterFixture fixture) : IClassFixture<IdempotencyClusterFixture>, IAsyncLifetime
{
    public sealed record TransferBody(Guid ToUserId, PositiveCoinAmount Amount);

    private readonly ConcurrentCounter _executions = new();
    private readonly TaskCompletionSource _slowEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _slowRelease = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _flakyFailuresLeft = 1;
    private TestApi _api = null!;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(app =>
    {
        app.MapPost("/tokenomics/api/v1/transfers", (TransferBody body) =>
        {
            _executions.Increment();
            return AcceptedCommand.Result(Guid.NewGuid(), CommandState.Pending);
        }).WithIdempotency();

        app.MapPost("/tokenomics/api/v1/refused", IResult () =>
        {
            _executions.Increment();
            return GxProblems.Unprocessable("insufficient_balance", "Not enough coins.", "amount");
        }).WithIdempotency();

        app.MapPost("/tokenomics/api/v1/flaky", IResult () =>
        {
            _executions.Increment();
            return Interlocked.Decrement(ref _flakyFailuresLeft) >= 0
                ? TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : TypedResults.Ok(new { done = true });
        }).WithIdempotency();

        app.MapPost("/tokenomics/api/v1/throws", IResult () =>
        {
            _executions.Increment();
            throw new InvalidOperationException("grain call failed");
        }).WithIdempotency();

        app.MapPost("/tokenomics/api/v1/plain", () => new { value = 42 }).WithIdempotency();

        app.MapPost("/tokenomics/api/v1/command-id", (LedgerCommandId commandId) => new { commandId = commandId.Value }).WithIdempotency();

        // A mistake the binder catches: without the filter nobody would derive the id, and every command would share Guid.Empty.
        app.MapPost("/tokenomics/api/v1/command-id-without-filter", (LedgerCommandId commandId) =>
        {
            _executions.Increment();
            return new { commandId = commandId.Value };
        });

        app.MapPost("/tokenomics/api/v1/slow", async () =>
        {
            _slowEntered.TrySetResult();
            await _slowRelease.Task;
            return TypedResults.Ok(new { slow = true });
        }).WithIdempotency();
    }, configureServices: services => services.AddSingleton<IGrainFactory>(fixture.Cluster.Client));

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static HttpRequestMessage Post(string path, string? key, string json = "{}")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add(IdempotencyHeaders.Key, key);
        }
        return request;
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static string Transfer(string amount) => $"{{\"toUserId\":\"6f9619ff-8b86-d011-b42d-00c04fc964ff\",\"amount\":\"{amount}\"}}";

    [Fact]
    public async Task Same_key_and_body_replays_the_first_response_without_running_again()
    {
        var client = _api.CreateClient();
        var key = NewKey();

        var first = await client.SendAsync(Post("/tokenomics/api/v1/transfers", key, Transfer("12.5")));
        var second = await client.SendAsync(Post("/tokenomics/api/v1/transfers", key, Transfer("12.5")));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(1, _executions.Value);
        Assert.NotNull(first.Headers.Location);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        Assert.False(first.Headers.Contains(IdempotencyHeaders.Replayed));
        Assert.Equal(["true"], second.Headers.GetValues(IdempotencyHeaders.Replayed));
        Assert.Equal("nosniff", second.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_409_and_runs_nothing()
    {
        var client = _api.CreateClient();
        var key = NewKey();
        await client.SendAsync(Post("/tokenomics/api/v1/transfers", key, Transfer("12.5")));

        var reused = await client.SendAsync(Post("/tokenomics/api/v1/transfers", key, Transfer("13")));
        await ProblemAssertions.AssertProblemAsync(reused, HttpStatusCode.Conflict, ProblemCodes.IdempotencyKeyReused);
        Assert.Equal(1, _executions.Value);
    }

    [Fact]
    public async Task Same_key_on_another_route_is_409()
    {
        var client = _api.CreateClient();
        var key = NewKey();
        await client.SendAsync(Post("/tokenomics/api/v1/transfers", key, Transfer("1")));
        var other = await client.SendAsync(Post("/tokenomics/api/v1/plain", key, Transfer("1")));
        await ProblemAssertions.AssertProblemAsync(other, HttpStatusCode.Conflict, ProblemCodes.IdempotencyKeyReused);
    }

    [Theory]
    [InlineData(null, ProblemCodes.IdempotencyKeyMissing)]
    [InlineData("short", ProblemCodes.ValidationFailed)]
    [InlineData("this key has spaces in it", ProblemCodes.ValidationFailed)]
    public async Task Missing_or_invalid_key_is_400_naming_the_header(string? key, string code)
    {
        var response = await _api.CreateClient().SendAsync(Post("/tokenomics/api/v1/transfers", key, Transfer("1")));
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Single(ProblemAssertions.FieldErrors(problem, IdempotencyHeaders.Key));
        Assert.Equal(0, _executions.Value);
    }

    [Fact]
    public async Task Overlong_key_is_400()
    {
        var response = await _api.CreateClient().SendAsync(Post("/tokenomics/api/v1/transfers", new string('k', 129), Transfer("1")));
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
    }

    [Fact]
    public async Task Problem_answers_below_500_are_stored_and_replayed()
    {
        var client = _api.CreateClient();
        var key = NewKey();
        var first = await client.SendAsync(Post("/tokenomics/api/v1/refused", key));
        var second = await client.SendAsync(Post("/tokenomics/api/v1/refused", key));
        await ProblemAssertions.AssertProblemAsync(first, HttpStatusCode.UnprocessableEntity, "insufficient_balance");
        await ProblemAssertions.AssertProblemAsync(second, HttpStatusCode.UnprocessableEntity, "insufficient_balance");
        Assert.Equal(1, _executions.Value);
    }

    [Fact]
    public async Task Server_errors_are_not_stored_so_a_retry_runs_again()
    {
        var client = _api.CreateClient();
        var key = NewKey();
        var failed = await client.SendAsync(Post("/tokenomics/api/v1/flaky", key));
        var retried = await client.SendAsync(Post("/tokenomics/api/v1/flaky", key));
        var replayed = await client.SendAsync(Post("/tokenomics/api/v1/flaky", key));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains(IdempotencyHeaders.Replayed));
        Assert.Equal(2, _executions.Value);
    }

    [Fact]
    public async Task An_exception_releases_the_key()
    {
        var client = _api.CreateClient();
        var key = NewKey();
        var first = await client.SendAsync(Post("/tokenomics/api/v1/throws", key));
        var second = await client.SendAsync(Post("/tokenomics/api/v1/throws", key));
        await ProblemAssertions.AssertProblemAsync(first, HttpStatusCode.InternalServerError, ProblemCodes.InternalError);
        await ProblemAssertions.AssertProblemAsync(second, HttpStatusCode.InternalServerError, ProblemCodes.InternalError);
        Assert.Equal(2, _executions.Value);
    }

    [Fact]
    public async Task Plain_object_results_are_captured_too()
    {
        var client = _api.CreateClient();
        var key = NewKey();
        var first = await client.SendAsync(Post("/tokenomics/api/v1/plain", key));
        var second = await client.SendAsync(Post("/tokenomics/api/v1/plain", key));
        Assert.Equal("{\"value\":42}", await first.Content.ReadAsStringAsync());
        Assert.Equal("{\"value\":42}", await second.Content.ReadAsStringAsync());
        Assert.True(second.Headers.Contains(IdempotencyHeaders.Replayed));
    }

    [Fact]
    public async Task The_handler_gets_the_command_id_derived_from_caller_key_and_request()
    {
        var client = _api.CreateClient();
        var key = NewKey();
        const string path = "/tokenomics/api/v1/command-id";
        const string body = "{\"note\":\"a\"}";

        var first = await client.SendAsync(Post(path, key, body));
        var other = await client.SendAsync(Post(path, NewKey(), body));

        var expected = new DefaultHttpContext();
        expected.Request.Method = "POST";
        expected.Request.Path = path;
        expected.Request.Headers[IdempotencyHeaders.Key] = key;
        expected.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var fingerprint = await RequestFingerprint.ComputeAsync(expected.Request, CancellationToken.None);
        var received = Guid.Parse((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commandId").GetString()!);
        Assert.Equal(CommandIds.For(expected, fingerprint), received);
        var otherId = Guid.Parse((await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commandId").GetString()!);
        Assert.NotEqual(received, otherId);
    }

    [Fact]
    public async Task A_command_id_parameter_on_a_route_without_the_filter_fails_instead_of_running()
    {
        var response = await _api.CreateClient().SendAsync(Post("/tokenomics/api/v1/command-id-without-filter", NewKey()));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, _executions.Value);
    }

    [Fact]
    public async Task A_concurrent_duplicate_is_409_request_in_progress()
    {
        var client = _api.CreateClient();
        var key = NewKey();
        var first = client.SendAsync(Post("/tokenomics/api/v1/slow", key));
        await _slowEntered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var duplicate = await client.SendAsync(Post("/tokenomics/api/v1/slow", key));
        await ProblemAssertions.AssertProblemAsync(duplicate, HttpStatusCode.Conflict, ProblemCodes.RequestInProgress);

        _slowRelease.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        var after = await client.SendAsync(Post("/tokenomics/api/v1/slow", key));
        Assert.True(after.Headers.Contains(IdempotencyHeaders.Replayed));
    }

    [Fact]
    public async Task Keys_are_scoped_per_caller()
    {
        var key = NewKey();
        var issuer = _api.Services.GetRequiredService<AccessTokenIssuer>();
        foreach (var user in new[] { Guid.NewGuid(), Guid.NewGuid() })
        {
            var request = Post("/tokenomics/api/v1/transfers", key, Transfer("2"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(user, "u@x.io", GxRoles.User).Token);
            var response = await _api.CreateClient().SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.False(response.Headers.Contains(IdempotencyHeaders.Replayed));
        }
        Assert.Equal(2, _executions.Value);
    }

    [Fact]
    public async Task Grain_rules_complete_only_the_claimed_hash()
    {
        var grain = fixture.Cluster.Client.GetGrain<IIdempotencyGrain>("test:" + NewKey());
        Assert.Equal(IdempotencyOutcome.Proceed, (await grain.BeginAsync("h1")).Outcome);
        Assert.Equal(IdempotencyOutcome.InProgress, (await grain.BeginAsync("h1")).Outcome);
        Assert.Equal(IdempotencyOutcome.Conflict, (await grain.BeginAsync("h2")).Outcome);

        await grain.CompleteAsync("h2", new StoredResponse(200, null, [], null));
        Assert.Equal(IdempotencyOutcome.InProgress, (await grain.BeginAsync("h1")).Outcome);

        await grain.CompleteAsync("h1", new StoredResponse(201, "application/json", "{}"u8.ToArray(), "/x"));
        var replay = await grain.BeginAsync("h1");
        Assert.Equal(IdempotencyOutcome.Replay, replay.Outcome);
        Assert.Equal(201, replay.Response!.StatusCode);
        Assert.Equal("/x", replay.Response.Location);
    }

    [Fact]
    public async Task Stored_response_survives_grain_deactivation()
    {
        var grain = fixture.Cluster.Client.GetGrain<IIdempotencyGrain>("test:" + NewKey());
        await grain.BeginAsync("h");
        await grain.CompleteAsync("h", new StoredResponse(202, "application/json", "{\"a\":1}"u8.ToArray(), null));
        await fixture.Cluster.DeactivateAsync(((GrainReference)grain).GrainId);

        var replay = await grain.BeginAsync("h");
        Assert.Equal(IdempotencyOutcome.Replay, replay.Outcome);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(replay.Response!.Body));
    }

    private sealed class ConcurrentCounter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }
}
