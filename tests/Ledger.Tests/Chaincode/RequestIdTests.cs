using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Governance = GxProtocol.Contract.GxChaincode.Governance;
using LoanPool = GxProtocol.Contract.GxChaincode.LoanPool;

namespace GxProtocol.Ledger.Tests.Chaincode;

/// <summary>An id created on chain derives from the backend's request id when the transaction carries one, once.</summary>
public sealed class RequestIdTests
{
    private const string Collateral = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private readonly ChaincodeHarness _ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));

    public RequestIdTests() => _ledger.CreateUser("alice");

    [Fact]
    public void A_loan_gets_the_id_of_its_request_and_a_repeated_request_is_refused()
    {
        var requestId = Guid.NewGuid();
        var loan = _ledger.Submit<LoanApplicationReceived>(LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80", "", requestId.ToString());

        Assert.Equal(GxIds.ForRequest(requestId, GxIds.Loan).ToString(), loan.LoanId);
        Assert.Equal(409, _ledger.Invoke(LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80", "", requestId.ToString()).Status);
    }

    [Fact]
    public void A_proposal_gets_the_id_of_its_request()
    {
        var requestId = Guid.NewGuid();
        var proposal = _ledger.Submit<ProposalSubmitted>(Governance.SubmitProposal, "alice", "Lower fees", "", GxParameters.TransactionFeeBps, "5", requestId.ToString());

        Assert.Equal(GxIds.ForRequest(requestId, GxIds.Proposal).ToString(), proposal.ProposalId);
        Assert.Equal(409, _ledger.Invoke(Governance.SubmitProposal, "alice", "Lower fees", "", GxParameters.TransactionFeeBps, "5", requestId.ToString()).Status);
    }

    [Fact]
    public void Without_a_request_id_ids_come_from_the_transaction()
    {
        var first = _ledger.Submit<LoanApplicationReceived>(LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80");
        var second = _ledger.Submit<LoanApplicationReceived>(LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80");
        Assert.NotEqual(first.LoanId, second.LoanId);
    }
}
