using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Loans;

namespace GxProtocol.Grains.Loans;

/// <summary>How each loan event changes the loan, and which of its pending commands it finishes.</summary>
public static class LoanLedgerEvents
{
    public static void Apply(LoanState state, LedgerEventEnvelope ledgerEvent)
    {
        switch (ledgerEvent.EventName)
        {
            case nameof(LoanApplicationReceived):
                var received = LedgerEventJson.Deserialize<LoanApplicationReceived>(ledgerEvent.Payload);
                state.Status = received.Status;
                state.BorrowerId = Guid.Parse(received.BorrowerId);
                state.Amount = received.Amount;
                state.AmountDue = received.AmountDue;
                state.CollateralHash = received.CollateralHash;
                state.TermDays = received.TermDays;
                state.TrustScore = received.TrustScore;
                state.AppliedAt = state.AppliedAt == default ? ledgerEvent.ObservedAt : state.AppliedAt;
                state.Log.FinishWhere(c => c.TransactionName == GxChaincode.LoanPool.ApplyForLoan);
                break;
            case nameof(LoanApproved):
                var approved = LedgerEventJson.Deserialize<LoanApproved>(ledgerEvent.Payload);
                state.Status = GxStatuses.LoanActive;
                state.AmountDue = approved.AmountDue;
                state.DueAt = approved.DueAt;
                state.Log.FinishWhere(c => c.TransactionName == GxChaincode.LoanPool.ApproveLoan);
                break;
            case nameof(LoanRejected):
                var rejected = LedgerEventJson.Deserialize<LoanRejected>(ledgerEvent.Payload);
                state.Status = GxStatuses.LoanRejected;
                state.Reason = rejected.Reason;
                state.Log.FinishWhere(c => c.TransactionName == GxChaincode.LoanPool.RejectLoan);
                break;
            case nameof(LoanRepaid):
                var repaid = LedgerEventJson.Deserialize<LoanRepaid>(ledgerEvent.Payload);
                state.Status = repaid.Status;
                state.TotalRepaid = repaid.TotalRepaid;
                state.AddRepayment(new LoanRepayment(repaid.Amount, repaid.TotalRepaid, repaid.Remaining, ledgerEvent.TransactionId, ledgerEvent.ObservedAt));
                // The event names its command; without one (a repayment issued elsewhere) the oldest of the same amount is taken,
                // since the outbox submits one command of this loan at a time, in the order accepted.
                var settled = Guid.TryParse(repaid.CommandId, out var named) && state.Log.Pending.TryGetValue(named, out var own)
                    ? own
                    : state.Log.Pending.Values
                        .Where(c => c.TransactionName == GxChaincode.LoanPool.RepayLoan && RepaymentAmount(c.Arguments) == repaid.Amount)
                        .OrderBy(c => c.AcceptedAt).FirstOrDefault();
                if (settled is not null)
                {
                    state.Log.Finish(settled.CommandId);
                }
                break;
        }
    }

    /// <summary>The amount of a RepayLoan command: its arguments are loanId, amountQirat.</summary>
    public static long RepaymentAmount(IReadOnlyList<string> arguments) => RepayLoanArgs.FromStored(arguments).AmountQirat;

    public static LoanView? View(LoanState state, Guid loanId) => state.Status is null ? null : new LoanView(
        loanId, state.BorrowerId, state.Status, state.Amount, state.AmountDue, state.TotalRepaid,
        state.Log.Pending.Values.Where(c => c.TransactionName == GxChaincode.LoanPool.RepayLoan).Sum(c => RepaymentAmount(c.Arguments)),
        state.CollateralHash, state.TermDays, state.TrustScore, state.AppliedAt, state.DueAt, state.Reason, state.Repayments.ToList());
}
