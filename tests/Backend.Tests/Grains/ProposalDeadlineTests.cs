using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;
using GxProtocol.Grains.Governance;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Governance;
using GxProtocol.Grains.Interfaces.Tax;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>
/// A proposal's voting window and its deadline reminder, on a ledger whose clock the test moves past the window: the
/// reminder registered at commit is due at the deadline, and its tick executes the proposal on the ledger.
/// </summary>
public sealed class ProposalDeadlineTests(ShiftedClockClusterFixture cluster) : IClassFixture<ShiftedClockClusterFixture>
{
    private const long Coin = GrainJourney.Coin;

    [Fact]
    public async Task The_deadline_reminder_executes_a_passed_proposal_and_the_ledger_applies_the_new_parameter()
    {
        // A quorum of one, as an earlier governance decision could have set it, so that one FOR vote passes.
        using (var ledger = cluster.Ledger.ConnectClient())
        {
            await ledger.SubmitAsync(Guid.NewGuid().ToString(), GxChaincode.Admin.UpdateSystemParameter, [GxParameters.MinProposalQuorum, "1"]);
        }
        var voter = await cluster.Journey.ActiveUserAsync("MY");
        // Base (10), a confirmed father (30) and a friend (10): the trust score of 50 a vote needs.
        await voter.RecordRelationshipAsync(new ConfirmedRelationship(Guid.NewGuid(), Guid.NewGuid(), RelationshipTypes.Father));
        await voter.RecordRelationshipAsync(new ConfirmedRelationship(Guid.NewGuid(), Guid.NewGuid(), RelationshipTypes.Friend));
        Assert.Equal(50, (await voter.GetTrustScoreAsync()).Score);
        var proposal = await SubmitCommittedAsync(GxParameters.TransactionFeeBps, 20);

        var active = await proposal.GetAsync();
        Assert.InRange(active.VotingEndsAt!.Value, cluster.Clock.GetUtcNow().AddDays(14).AddMinutes(-2), cluster.Clock.GetUtcNow().AddDays(14));
        var reminder = Assert.Single(await DeadlineRemindersAsync(proposal));
        Assert.InRange(reminder.StartAt, active.VotingEndsAt.Value.UtcDateTime.AddSeconds(-5), active.VotingEndsAt.Value.UtcDateTime.AddSeconds(5));

        await cluster.Journey.WaitCommittedAsync(await proposal.VoteAsync(new ProposalVote(Guid.NewGuid(), voter.GetPrimaryKey(), "FOR", "cheaper is not better")));
        await Eventually.MatchesAsync(() => proposal.GetAsync(), p => p.VotesFor == 1, "the vote to be tallied");
        var second = await Assert.ThrowsAsync<DomainRuleException>(() => proposal.VoteAsync(new ProposalVote(Guid.NewGuid(), voter.GetPrimaryKey(), "AGAINST", null)));
        Assert.Equal("already_voted", second.Code);
        var early = await Assert.ThrowsAsync<DomainRuleException>(() => proposal.ExecuteAsync(Guid.NewGuid(), Guid.NewGuid()));
        Assert.Equal("voting_open", early.Code);

        cluster.Clock.Advance(TimeSpan.FromDays(15));
        var late = await Assert.ThrowsAsync<DomainRuleException>(() => proposal.VoteAsync(new ProposalVote(Guid.NewGuid(), Guid.NewGuid(), "FOR", null)));
        Assert.Equal("voting_closed", late.Code);

        await TickAsync(proposal);
        var executed = await Eventually.MatchesAsync(() => proposal.GetAsync(), p => p.Status == GxStatuses.ProposalExecuted, "the reminder's execution to commit");
        Assert.Equal(GxParameters.DefaultTransactionFeeBps, executed.OldValue);
        Assert.Equal(1, executed.VotesFor);
        var quote = await cluster.Client.GetGrain<IFeeQuoteGrain>(0).QuoteAsync(new FeeQuoteRequest(200 * Coin, null, null, GxStatuses.TransactionTransfer));
        Assert.Equal(20, quote.FeeBps);
        Assert.Empty(await DeadlineRemindersAsync(proposal));

        // A late or repeated tick finds the proposal closed and changes nothing.
        await TickAsync(proposal);
        Assert.Equal(GxStatuses.ProposalExecuted, (await proposal.GetAsync()).Status);
        var closed = await Assert.ThrowsAsync<DomainRuleException>(() => proposal.ExecuteAsync(Guid.NewGuid(), Guid.NewGuid()));
        Assert.Equal("proposal_not_active", closed.Code);
    }

    [Fact]
    public async Task A_proposal_nobody_voted_on_fails_at_the_deadline_and_early_or_repeated_ticks_are_harmless()
    {
        var proposal = await SubmitCommittedAsync(GxParameters.MaxLoanDurationDays, 400);

        await TickAsync(proposal);
        Assert.Equal(GxStatuses.ProposalActive, (await proposal.GetAsync()).Status);

        cluster.Clock.Advance(TimeSpan.FromDays(15));
        await Task.WhenAll(TickAsync(proposal), TickAsync(proposal));
        var failed = await Eventually.MatchesAsync(() => proposal.GetAsync(), p => p.Status == GxStatuses.ProposalFailed, "the reminder's execution to commit");
        Assert.StartsWith("Quorum not reached", failed.Outcome);
        Assert.Empty(await DeadlineRemindersAsync(proposal));
    }

    [Fact]
    public async Task The_reminder_service_itself_delivers_the_deadline_tick()
    {
        var proposal = await SubmitCommittedAsync(GxParameters.MinProposalQuorum, 150);
        cluster.Clock.Advance(TimeSpan.FromDays(15));

        // A reactivated proposal re-registers its reminder from the clock: the deadline has passed, so it is due at once
        // and the silo's reminder service, not the test, delivers the tick.
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromMilliseconds(1));
        await Eventually.MatchesAsync(() => proposal.GetAsync(), p => p.Status == GxStatuses.ProposalFailed, "the reminder to execute the proposal");
        Assert.Empty(await DeadlineRemindersAsync(proposal));
    }

    [Fact]
    public async Task A_proposal_outside_the_governable_parameters_is_refused_naming_the_field()
    {
        var submissions = cluster.Client.GetGrain<IProposalSubmissionGrain>(0);

        var unknown = await Assert.ThrowsAsync<DomainRuleException>(() => submissions.SubmitAsync(Submission("maxSupply", 1)));
        var outOfRange = await Assert.ThrowsAsync<DomainRuleException>(() => submissions.SubmitAsync(Submission(GxParameters.VotingPeriodDays, 0)));

        Assert.Equal("targetParameter", unknown.Field);
        Assert.Equal("proposedValue", outOfRange.Field);
    }

    private async Task<IProposalGrain> SubmitCommittedAsync(string parameter, long value)
    {
        var submitted = await cluster.Client.GetGrain<IProposalSubmissionGrain>(0).SubmitAsync(Submission(parameter, value));
        Assert.Equal(GxIds.ForRequest(submitted.Command.CommandId, GxIds.Proposal), submitted.ProposalId);
        await cluster.Journey.WaitCommittedAsync(submitted.Command);
        var proposal = cluster.Client.GetGrain<IProposalGrain>(IProposalGrain.KeyFor(submitted.ProposalId));
        await Eventually.MatchesAsync(() => proposal.GetAsync(), p => p.Status == GxStatuses.ProposalActive, "the proposal to be active");
        await Eventually.MatchesAsync(() => DeadlineRemindersAsync(proposal), r => r.Count == 1, "the deadline reminder to be registered");
        return proposal;
    }

    private static ProposalSubmission Submission(string parameter, long value) =>
        new(Guid.NewGuid(), Guid.NewGuid(), $"Set {parameter} to {value}", "A test proposal.", parameter, value);

    /// <summary>What the reminder service does at the deadline: deliver the reminder's tick to the grain.</summary>
    private static Task TickAsync(IProposalGrain proposal) =>
        proposal.AsReference<IRemindable>().ReceiveReminder(ProposalGrain.DeadlineReminder, default);

    private async Task<List<ReminderEntry>> DeadlineRemindersAsync(IProposalGrain proposal)
    {
        var table = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var rows = await table.ReadRows(proposal.GetGrainId());
        return rows.Reminders.Where(r => r.ReminderName == ProposalGrain.DeadlineReminder).ToList();
    }
}
