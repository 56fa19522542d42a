using System.Net;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The governance service's routes on the shared backend: submit, list, read, vote, execute.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class GovernanceRouteTests(ServicesBackend backend)
{
    private const string Proposals = "/governance/api/v1/proposals";

    [Fact]
    public async Task An_admin_submits_a_proposal_whose_id_is_known_at_once_and_any_user_reads_it()
    {
        using var user = await backend.NewActiveUserAsync();

        var accepted = await backend.SuperAdmin.PostAsync(Proposals, NewProposal(GxParameters.VotingPeriodDays, 10));

        Assert.True(accepted.Status == HttpStatusCode.Accepted, accepted.ToString());
        Assert.Equal(GxIds.ForRequest(Guid.Parse(accepted["commandId"]), GxIds.Proposal).ToString(), accepted["proposalId"]);
        Assert.Equal($"/identity/api/v1/commands/{accepted["commandId"]}", accepted.Location);
        await backend.WaitForCommitAsync(backend.SuperAdmin, accepted["commandId"]);
        var read = await Eventually.MatchesAsync(() => user.Client.GetAsync($"{Proposals}/{accepted["proposalId"]}"),
            r => r.Status == HttpStatusCode.OK && r["status"] == "ACTIVE", "the proposal to be active");
        Assert.Equal("votingPeriodDays", read["targetParameter"]);
        Assert.Equal("10", read["proposedValue"]);
        Assert.Equal("0", read["votesFor"]);
        var endsAt = DateTimeOffset.Parse(read["votingEndsAt"]);
        Assert.InRange(endsAt, DateTimeOffset.UtcNow.AddDays(14).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(14).AddMinutes(1));
    }

    [Fact]
    public async Task Waiting_for_the_submission_answers_with_the_committed_command_and_the_proposal_id()
    {
        var committed = await backend.SuperAdmin.PostAsync(Proposals, NewProposal(GxParameters.MinProposalQuorum, 250), preferWait: 20);

        Assert.True(committed.Status == HttpStatusCode.OK, committed.ToString());
        Assert.Equal("COMMITTED", committed["status"]);
        Assert.Equal(GxIds.ForRequest(Guid.Parse(committed["commandId"]), GxIds.Proposal).ToString(), committed["proposalId"]);
    }

    [Fact]
    public async Task Submitting_needs_an_admin()
    {
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();

        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.PostAsync(Proposals, NewProposal(GxParameters.VotingPeriodDays, 7))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Proposals, NewProposal(GxParameters.VotingPeriodDays, 7))).Status);
    }

    [Theory]
    [InlineData("{\"title\":\"t\",\"description\":\"d\",\"targetParameter\":\"totalSupply\",\"proposedValue\":1}", "targetParameter")]
    [InlineData("{\"title\":\"t\",\"description\":\"d\",\"targetParameter\":\"votingPeriodDays\",\"proposedValue\":366}", "proposedValue")]
    [InlineData("{\"title\":\"t\",\"description\":\"d\",\"targetParameter\":\"transactionFeeBps\",\"proposedValue\":-1}", "proposedValue")]
    [InlineData("{\"description\":\"d\",\"targetParameter\":\"votingPeriodDays\",\"proposedValue\":7}", "title")]
    [InlineData("{\"title\":\"t\",\"description\":\"d\",\"targetParameter\":\"votingPeriodDays\"}", "proposedValue")]
    [InlineData("{\"title\":\"t\",\"description\":\"d\",\"targetParameter\":\"votingPeriodDays\",\"proposedValue\":\"seven\"}", "proposedValue")]
    public async Task A_malformed_proposal_names_the_field(string body, string field)
    {
        var bad = await backend.SuperAdmin.PostAsync(Proposals, body);

        Assert.True(bad.Status == HttpStatusCode.BadRequest, bad.ToString());
        Assert.Contains(field, bad.Json["errors"]!.AsObject().Select(e => e.Key.TrimStart('$', '.')), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Proposals_are_listed_by_status_for_any_user()
    {
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var proposalId = await SubmitCommittedAsync(GxParameters.VelocityTaxPeriodDays, 300);

        var active = await Eventually.MatchesAsync(() => user.Client.GetAsync($"{Proposals}?status=ACTIVE&limit=100"),
            r => r.Status == HttpStatusCode.OK && r.Json["items"]!.AsArray().Any(p => p!["proposalId"]!.ToString() == proposalId),
            "the proposal to be listed as active");
        Assert.All(active.Json["items"]!.AsArray(), p => Assert.Equal("ACTIVE", p!["status"]!.ToString()));
        var executed = await user.Client.GetAsync($"{Proposals}?status=EXECUTED&limit=100");
        Assert.True(executed.Status == HttpStatusCode.OK, executed.ToString());
        Assert.DoesNotContain(executed.Json["items"]!.AsArray(), p => p!["proposalId"]!.ToString() == proposalId);
        var bogus = await user.Client.GetAsync($"{Proposals}?status=OPEN");
        Assert.True(bogus.Status == HttpStatusCode.BadRequest, bogus.ToString());
        Assert.Contains("status", bogus.Json["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Proposals}?status=ACTIVE")).Status);
    }

    [Fact]
    public async Task Reading_a_proposal_needs_a_token_and_an_existing_id()
    {
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var proposalId = await SubmitCommittedAsync(GxParameters.MaxLoanDurationDays, 180);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Proposals}/{proposalId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"{Proposals}/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"{Proposals}/not-a-guid")).Status);
    }

    [Fact]
    public async Task A_vote_needs_a_trust_score_of_50_and_counts_once_per_identity()
    {
        using var unlinked = await backend.NewActiveUserAsync();
        using var voter = await backend.NewActiveUserAsync();
        using var father = await backend.NewActiveUserAsync();
        using var friend = await backend.NewActiveUserAsync();
        // The father, named by the voter, is the parent of that link: 10 + child 10 = 20, below the 50 a vote needs.
        await RelationshipSteps.LinkAsync(voter, father, "FATHER");
        Assert.Equal(40, await RelationshipSteps.TrustScoreAsync(voter));
        await RelationshipSteps.LinkAsync(voter, friend, "FRIEND");
        Assert.Equal(10, await RelationshipSteps.TrustScoreAsync(unlinked));
        Assert.Equal(20, await RelationshipSteps.TrustScoreAsync(father));
        Assert.Equal(50, await RelationshipSteps.TrustScoreAsync(voter));
        var proposalId = await SubmitCommittedAsync(GxParameters.LoanInterestRateBps, 0);
        var vote = $"{Proposals}/{proposalId}/vote";

        var refused = await unlinked.Client.PostAsync(vote, new { vote = "FOR" });
        Assert.True(refused.Status == HttpStatusCode.Forbidden, refused.ToString());
        Assert.Equal("trust_score_too_low", refused["code"]);
        var parentRefused = await father.Client.PostAsync(vote, new { vote = "FOR" });
        Assert.True(parentRefused.Status == HttpStatusCode.Forbidden, parentRefused.ToString());
        Assert.Equal("trust_score_too_low", parentRefused["code"]);

        var counted = await voter.Client.PostAsync(vote, new { vote = "AGAINST", reason = "loans stay interest-free" }, preferWait: 20);
        Assert.True(counted.Status == HttpStatusCode.OK && counted["status"] == "COMMITTED", counted.ToString());
        await Eventually.MatchesAsync(() => voter.Client.GetAsync($"{Proposals}/{proposalId}"),
            r => r.Status == HttpStatusCode.OK && r["votesAgainst"] == "1" && r["votesFor"] == "0", "the vote to be tallied");

        var again = await voter.Client.PostAsync(vote, new { vote = "FOR" });
        Assert.True(again.Status == HttpStatusCode.Conflict, again.ToString());
        Assert.Equal("already_voted", again["code"]);
        var afterAll = await voter.Client.GetAsync($"{Proposals}/{proposalId}");
        Assert.Equal("0", afterAll["votesFor"]);
    }

    [Fact]
    public async Task A_vote_is_refused_without_a_token_for_an_unknown_proposal_and_when_malformed()
    {
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var proposalId = await SubmitCommittedAsync(GxParameters.TransactionFeeBps, 12);
        var vote = $"{Proposals}/{proposalId}/vote";

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(vote, new { vote = "FOR" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.PostAsync($"{Proposals}/{Guid.NewGuid()}/vote", new { vote = "FOR" })).Status);
        var maybe = await user.Client.PostAsync(vote, new { vote = "MAYBE" });
        Assert.True(maybe.Status == HttpStatusCode.BadRequest, maybe.ToString());
        Assert.Contains("vote", maybe.Json["errors"]!.AsObject().Select(e => e.Key));
        var missing = await user.Client.PostAsync(vote, new { reason = "no vote" });
        Assert.True(missing.Status == HttpStatusCode.BadRequest, missing.ToString());
        Assert.Contains("vote", missing.Json["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Execution_is_for_admins_and_refused_while_the_window_is_open()
    {
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var proposalId = await SubmitCommittedAsync(GxParameters.VotingPeriodDays, 21);
        var execute = $"{Proposals}/{proposalId}/execute";

        var early = await backend.SuperAdmin.PostAsync(execute);
        Assert.True(early.Status == HttpStatusCode.Conflict, early.ToString());
        Assert.Equal("voting_open", early["code"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.PostAsync(execute)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(execute)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await backend.SuperAdmin.PostAsync($"{Proposals}/{Guid.NewGuid()}/execute")).Status);
        Assert.Equal("ACTIVE", (await user.Client.GetAsync($"{Proposals}/{proposalId}"))["status"]);
    }

    private async Task<string> SubmitCommittedAsync(string parameter, long value)
    {
        var committed = await backend.SuperAdmin.PostAsync(Proposals, NewProposal(parameter, value), preferWait: 20);
        Assert.True(committed.Status == HttpStatusCode.OK && committed["status"] == "COMMITTED", committed.ToString());
        var proposalId = committed["proposalId"];
        await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Proposals}/{proposalId}"),
            r => r.Status == HttpStatusCode.OK && r["status"] == "ACTIVE", "the proposal to be active");
        return proposalId;
    }

    private static object NewProposal(string parameter, long value) => new
    {
        title = $"Set {parameter} to {value}",
        description = "Proposed by the governance route tests.",
        targetParameter = parameter,
        proposedValue = value,
    };
}
