using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

public sealed class StrictJsonTests : IAsyncLifetime
{
    public enum Vote { For, Against, Abstain }

    public sealed record TransferBody(Guid ToUserId, PositiveCoinAmount Amount, string? Remark = null);

    public sealed record VoteBody(Vote Vote, int? Weight = null);

    public sealed record RegisterBody(string? Email, string? CountryCode, string? EvidenceHash);

    private TestApi _api = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await TestApi.StartAsync(app =>
        {
            app.MapPost("/tokenomics/api/v1/transfers", (TransferBody body) => TypedResults.Ok(body));
            app.MapPost("/governance/api/v1/votes", (VoteBody body) => TypedResults.Ok(body));
            app.MapPost("/identity/api/v1/users", (RegisterBody body) =>
                new RequestValidator()
                    .Required("email", body.Email, 254).Email("email", body.Email)
                    .Required("countryCode", body.CountryCode, 2).CountryCode("countryCode", body.CountryCode)
                    .Sha256Hex("evidenceHash", body.EvidenceHash)
                    .HasProblem(out var problem)
                    ? (IResult)problem
                    : TypedResults.NoContent());
            app.MapGet("/identity/api/v1/list", (int? limit) =>
                new RequestValidator().PageLimit("limit", limit).ToProblem() ?? (IResult)TypedResults.Ok(limit));
            app.MapGet("/identity/api/v1/users/{id:guid}", (Guid id) => TypedResults.Ok(id));
            app.MapGet("/identity/api/v1/things/{id}", (Guid id) => TypedResults.Ok(id));
            app.MapGet("/boom", IResult () => throw new InvalidOperationException("secret connection string Password=hunter2"));
            app.MapGet("/rule", IResult () => throw DomainRuleException.Conflict("already_registered", "The email is taken."));
        }, new Dictionary<string, string?> { ["Gx:Http:MaxRequestBodyBytes"] = "2048" });
        _client = _api.CreateClient();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Valid_body_binds_and_is_written_camel_case_with_coin_strings()
    {
        var to = Guid.NewGuid();
        var response = await PostJsonAsync("/tokenomics/api/v1/transfers", $"{{\"toUserId\":\"{to}\",\"amount\":12.5}}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{{\"toUserId\":\"{to}\",\"amount\":\"12.5\",\"remark\":null}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_field_is_400_naming_it()
    {
        var response = await PostJsonAsync("/tokenomics/api/v1/transfers",
            $"{{\"toUserId\":\"{Guid.NewGuid()}\",\"amount\":\"1\",\"fee\":\"0\"}}");
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidBody);
        Assert.Equal(["is not a known field."], ProblemAssertions.FieldErrors(problem, "fee"));
    }

    [Fact]
    public async Task Wrong_type_is_400_naming_the_field_without_dotnet_type_names()
    {
        var response = await PostJsonAsync("/tokenomics/api/v1/transfers", "{\"toUserId\":42,\"amount\":\"1\"}");
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidBody);
        Assert.Equal(["has the wrong type or format."], ProblemAssertions.FieldErrors(problem, "toUserId"));
        Assert.DoesNotContain("System.", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quoted_number_is_a_wrong_type()
    {
        var response = await PostJsonAsync("/governance/api/v1/votes", "{\"vote\":\"FOR\",\"weight\":\"3\"}");
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidBody);
        Assert.Equal(["has the wrong type or format."], ProblemAssertions.FieldErrors(problem, "weight"));
    }

    [Fact]
    public async Task Over_precise_amount_is_400_naming_amount()
    {
        var response = await PostJsonAsync("/tokenomics/api/v1/transfers", $"{{\"toUserId\":\"{Guid.NewGuid()}\",\"amount\":\"0.0000001\"}}");
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidBody);
        Assert.Contains("6 fraction digits", ProblemAssertions.FieldErrors(problem, "amount").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_field_is_400_naming_it()
    {
        var response = await PostJsonAsync("/tokenomics/api/v1/transfers", $"{{\"toUserId\":\"{Guid.NewGuid()}\"}}");
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidBody);
        Assert.Equal(["is required."], ProblemAssertions.FieldErrors(problem, "amount"));
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var response = await PostJsonAsync("/tokenomics/api/v1/transfers", "{\"toUserId\": ");
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidBody);
    }

    [Fact]
    public async Task Enums_are_upper_snake_strings_and_integers_are_refused()
    {
        var ok = await PostJsonAsync("/governance/api/v1/votes", "{\"vote\":\"AGAINST\"}");
        Assert.Equal("{\"vote\":\"AGAINST\",\"weight\":null}", await ok.Content.ReadAsStringAsync());

        var numeric = await PostJsonAsync("/governance/api/v1/votes", "{\"vote\":1}");
        var problem = await ProblemAssertions.AssertProblemAsync(numeric, HttpStatusCode.BadRequest, ProblemCodes.InvalidBody);
        Assert.True(problem.GetProperty("errors").TryGetProperty("vote", out _));
    }

    [Fact]
    public async Task Body_over_the_limit_with_content_length_is_413()
    {
        var response = await PostJsonAsync("/tokenomics/api/v1/transfers", $"{{\"remark\":\"{new string('x', 4096)}\"}}");
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        var bytes = Encoding.UTF8.GetBytes($"{{\"toUserId\":\"{Guid.NewGuid()}\",\"amount\":\"1\",\"remark\":\"{new string('x', 4096)}\"}}");
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/tokenomics/api/v1/transfers") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await _client.SendAsync(request);
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
    }

    [Fact]
    public async Task Wrong_content_type_is_415_problem()
    {
        var response = await _client.PostAsync("/tokenomics/api/v1/transfers", new StringContent("amount=1", Encoding.UTF8, "text/plain"));
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ProblemCodes.UnsupportedMediaType);
    }

    [Fact]
    public async Task Unknown_exception_is_500_without_internals()
    {
        var response = await _client.GetAsync("/boom");
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.InternalServerError, ProblemCodes.InternalError);
        Assert.DoesNotContain("hunter2", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Domain_rule_exception_maps_to_its_status_and_code()
    {
        var response = await _client.GetAsync("/rule");
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Conflict, "already_registered");
        Assert.Equal("The email is taken.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_route_is_404_problem()
    {
        var response = await _client.GetAsync("/nothing-here");
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound, ProblemCodes.NotFound);
    }

    [Fact]
    public async Task Unparsable_route_or_query_value_is_400_naming_the_parameter()
    {
        var route = await _client.GetAsync("/identity/api/v1/things/not-a-guid");
        var problem = await ProblemAssertions.AssertProblemAsync(route, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));

        var query = await _client.GetAsync("/identity/api/v1/list?limit=abc");
        problem = await ProblemAssertions.AssertProblemAsync(query, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public async Task Page_limit_is_validated(int limit, bool ok)
    {
        var response = await _client.GetAsync($"/identity/api/v1/list?limit={limit}");
        if (ok)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Equal(["must be between 1 and 100."], ProblemAssertions.FieldErrors(problem, "limit"));
        }
    }

    [Fact]
    public async Task Validator_reports_every_failing_field()
    {
        var response = await _client.PostAsJsonAsync("/identity/api/v1/users",
            new { email = "not-an-email", countryCode = "XX", evidenceHash = "abc" });
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal(["must be an email address."], ProblemAssertions.FieldErrors(problem, "email"));
        Assert.Single(ProblemAssertions.FieldErrors(problem, "countryCode"));
        Assert.Single(ProblemAssertions.FieldErrors(problem, "evidenceHash"));

        var valid = await _client.PostAsJsonAsync("/identity/api/v1/users",
            new { email = "a@b.io", countryCode = "LK", evidenceHash = new string('a', 64) });
        Assert.Equal(HttpStatusCode.NoContent, valid.StatusCode);
    }

    /// <summary>A body whose length HttpClient cannot know, so it is sent without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
