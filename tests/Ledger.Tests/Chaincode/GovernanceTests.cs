using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Governance = GxProtocol.Contract.GxChaincode.Governance;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class GovernanceTests
{
    [Theory]
    [InlineData(60, 40, 0, 100, true)]     // quorum exactly, 60% exactly
    [InlineData(59, 40, 0, 100, false)]    // 99 votes: below quorum
    [InlineData(59, 41, 0, 100, false)]    // 59%: below threshold
    [InlineData(3, 2, 95, 100, true)]      // abstentions count for quorum, not for the threshold
    [InlineData(0, 0, 100, 100, false)]    // only abstentions: nothing decisive
    [InlineData(100, 0, 0, 100, true)]
    [InlineData(600, 401, 0, 100, false)]  // 59.94%
    [InlineData(3, 2, 0, 5, true)]
    [InlineData(3, 2, 0, 6, false)]
    public void Quorum_and_sixty_percent_threshold(long votesFor, long against, long abstain, long quorum, bool passes) =>
        Assert.Equal(passes, GxRules.EvaluateProposal(votesFor, against, abstain, quorum).Passed);

    private static ChaincodeHarness LedgerWithVoters(int voters, int quorum)
    {
        var ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));
        for (var i = 0; i < voters; i++)
        {
            ledger.CreateUser($"voter-{i}");
        }

        ledger.Submit<SystemParameterUpdated>(GxChaincode.Admin.UpdateSystemParameter, GxParameters.MinProposalQuorum, quorum.ToString());
        return ledger;
    }

    private static string Submit(ChaincodeHarness ledger, string parameter = GxParameters.TransactionFeeBps, string value = "20") =>
        ledger.Submit<ProposalSubmitted>(Governance.SubmitProposal, "admin-1", "Raise fee", "why", parameter, value).ProposalId;

    [Theory]
    [InlineData(3, 2, 0, true)]
    [InlineData(2, 2, 1, false)]
    [InlineData(3, 1, 0, false)]   // 4 votes < quorum 5
    public void Execution_after_the_window_updates_the_parameter_only_when_passed(int votesFor, int against, int abstain, bool passes)
    {
        var ledger = LedgerWithVoters(5, quorum: 5);
        var proposalId = Submit(ledger);
        var votes = Enumerable.Repeat("FOR", votesFor).Concat(Enumerable.Repeat("AGAINST", against)).Concat(Enumerable.Repeat("ABSTAIN", abstain)).ToList();
        ledger.Role = CallerRoles.PartnerApi;
        for (var i = 0; i < votes.Count; i++)
        {
            ledger.Submit<VoteCast>(Governance.VoteOnProposal, proposalId, $"voter-{i}", votes[i], "");
        }

        ledger.Role = CallerRoles.Admin;
        ledger.Now = Genesis.AddDays(14).AddTicks(-1);
        ledger.Refused(409, Governance.ExecuteProposal, proposalId);
        ledger.Now = Genesis.AddDays(14);
        if (passes)
        {
            var executed = ledger.Submit<ProposalExecuted>(Governance.ExecuteProposal, proposalId);
            Assert.Equal((GxParameters.TransactionFeeBps, 10L, 20L), (executed.TargetParameter, executed.OldValue, executed.NewValue));
            var quote = ledger.Evaluate<FeeQuoteResult>(GxChaincode.Tax.CalculateTransactionFee, Qirat(200 * Coin), "", "", "TRANSFER");
            Assert.Equal(20, quote.FeeBps);
        }
        else
        {
            ledger.Submit<ProposalFailed>(Governance.ExecuteProposal, proposalId);
            Assert.Equal(10, ledger.Evaluate<FeeQuoteResult>(GxChaincode.Tax.CalculateTransactionFee, Qirat(200 * Coin), "", "", "TRANSFER").FeeBps);
        }
        ledger.Refused(409, Governance.ExecuteProposal, proposalId);
    }

    [Fact]
    public void One_vote_per_identity_and_only_within_the_window()
    {
        var ledger = LedgerWithVoters(2, quorum: 1);
        var proposalId = Submit(ledger);
        ledger.Submit<VoteCast>(Governance.VoteOnProposal, proposalId, "voter-0", "for", "");
        ledger.Refused(409, Governance.VoteOnProposal, proposalId, "voter-0", "AGAINST", "");
        ledger.Refused(404, Governance.VoteOnProposal, proposalId, "stranger", "FOR", "");
        ledger.Refused(400, Governance.VoteOnProposal, proposalId, "voter-1", "MAYBE", "");
        ledger.Now = Genesis.AddDays(14);
        ledger.Refused(409, Governance.VoteOnProposal, proposalId, "voter-1", "FOR", "");
    }

    [Theory]
    [InlineData("unknownParameter", "1")]
    [InlineData(GxParameters.TransactionFeeBps, "1001")]
    [InlineData(GxParameters.VotingPeriodDays, "0")]
    [InlineData(GxParameters.MinProposalQuorum, "many")]
    public void Proposals_and_updates_for_invalid_parameters_are_refused(string parameter, string value)
    {
        var ledger = LedgerWithVoters(0, quorum: 1);
        ledger.Refused(400, Governance.SubmitProposal, "admin-1", "t", "d", parameter, value);
        ledger.Refused(400, GxChaincode.Admin.UpdateSystemParameter, parameter, value);
    }

    [Fact]
    public void Proposals_need_an_administrator()
    {
        var ledger = LedgerWithVoters(0, quorum: 1);
        ledger.Role = CallerRoles.PartnerApi;
        ledger.Refused(403, Governance.SubmitProposal, "admin-1", "t", "d", GxParameters.VotingPeriodDays, "7");
    }
}
