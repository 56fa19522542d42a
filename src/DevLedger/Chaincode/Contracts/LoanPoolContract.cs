using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;
using LoanPool = GxProtocol.Contract.GxChaincode.LoanPool;

namespace GxProtocol.DevLedger.Chaincode.Contracts;

/// <summary>
/// LoanPoolContract: interest-free loans from the loan pool. PENDING_APPROVAL -> ACTIVE (disbursed) -> REPAID, or
/// REJECTED. The borrower's open-loan count and outstanding amount live on the user document so the per-borrower
/// limits need no scan. The trust score is computed off chain (from relationships the ledger does not hold) and
/// passed by the backend; the chaincode enforces the threshold and records the score with the loan.
/// </summary>
internal static class LoanPoolContract
{
    public static IEnumerable<(string Function, ChaincodeHandler Handler)> Functions =>
    [
        (LoanPool.ApplyForLoan, ApplyForLoan),
        (LoanPool.ApproveLoan, ApproveLoan),
        (LoanPool.RejectLoan, RejectLoan),
        (LoanPool.RepayLoan, RepayLoan),
    ];

    private static ChaincodeResponse ApplyForLoan(ChaincodeContext context, ContractArgs args)
    {
        var (borrowerId, amount, collateralHash, trustScore, requestedTerm, requestId) = ApplyForLoanArgs.Parse(args);
        context.RequireKnownRole();
        var maxTerm = (int)context.Parameter(GxParameters.MaxLoanDurationDays);
        var termDays = requestedTerm is { } term ? (int)ContractArgs.InRange(term, "termDays", 1, maxTerm) : maxTerm;

        context.RequireBootstrapped();
        var borrower = context.Require<UserState>(StateKeys.User(borrowerId), $"Borrower '{borrowerId}' does not exist.");
        if (GxRules.CheckLoanApplication(amount, trustScore, borrower.OpenLoans, borrower.OutstandingQirat) is { } violation)
        {
            throw violation.Code switch
            {
                "LOAN_AMOUNT_OUT_OF_RANGE" => ChaincodeRejection.BadRequest(violation.Message),
                "TRUST_SCORE_TOO_LOW" => ChaincodeRejection.Forbidden(violation.Message),
                _ => ChaincodeRejection.Conflict(violation.Message),
            };
        }

        var loanId = GxIds.For(requestId ?? context.TransactionId, GxIds.Loan);
        context.RequireNew(StateKeys.Loan(loanId), $"Loan '{loanId}' already exists.");
        var amountDue = GxRules.LoanAmountDue(amount, (int)context.Parameter(GxParameters.LoanInterestRateBps));
        context.Write(StateKeys.Loan(loanId), new LoanState(
            loanId, borrowerId, amount, amountDue, 0, collateralHash.ToLowerInvariant(), termDays, trustScore,
            GxStatuses.LoanPendingApproval, context.Now, null));
        context.Write(StateKeys.User(borrowerId), borrower with
        {
            OpenLoans = borrower.OpenLoans + 1,
            OutstandingQirat = borrower.OutstandingQirat + amountDue,
        });
        return context.Commit(new LoanApplicationReceived(
            loanId, borrowerId, amount, amountDue, collateralHash.ToLowerInvariant(), termDays, trustScore, GxStatuses.LoanPendingApproval));
    }

    private static ChaincodeResponse ApproveLoan(ChaincodeContext context, ContractArgs args)
    {
        var loanId = ApproveLoanArgs.Parse(args).LoanId;
        context.RequireAdministrator();
        var loan = RequireLoanIn(context, loanId, GxStatuses.LoanPendingApproval);
        context.RequireOperational();
        var wallet = context.Accounts.Require(loan.BorrowerId);
        if (wallet.Frozen)
        {
            throw ChaincodeRejection.Forbidden($"Wallet '{loan.BorrowerId}' is frozen; the loan cannot be disbursed.");
        }

        context.Accounts.Move(GxSupply.LoanPool, loan.BorrowerId, loan.Amount);
        var dueAt = context.Now.AddDays(loan.TermDays);
        context.Write(StateKeys.Loan(loan.LoanId), loan with { Status = GxStatuses.LoanActive, DueAt = dueAt });
        return context.Commit(new LoanApproved(loan.LoanId, loan.BorrowerId, loan.Amount, loan.AmountDue, dueAt, context.Accounts.TouchedBalances()));
    }

    private static ChaincodeResponse RejectLoan(ChaincodeContext context, ContractArgs args)
    {
        var request = RejectLoanArgs.Parse(args);
        var (loanId, reason) = (request.LoanId, request.Reason ?? "");
        context.RequireAdministrator();
        var loan = RequireLoanIn(context, loanId, GxStatuses.LoanPendingApproval);
        context.Write(StateKeys.Loan(loan.LoanId), loan with { Status = GxStatuses.LoanRejected });
        ReleaseFromBorrower(context, loan.BorrowerId, loan.Remaining, closesLoan: true);
        return context.Commit(new LoanRejected(loan.LoanId, loan.BorrowerId, reason));
    }

    private static ChaincodeResponse RepayLoan(ChaincodeContext context, ContractArgs args)
    {
        var (loanId, amount, commandId) = RepayLoanArgs.Parse(args);
        context.RequireKnownRole();
        var loan = RequireLoanIn(context, loanId, GxStatuses.LoanActive);
        if (amount > loan.Remaining)
        {
            throw ChaincodeRejection.BadRequest($"Repayment of {amount} Qirat exceeds the {loan.Remaining} Qirat remaining.");
        }

        context.RequireOperational();
        var wallet = context.Accounts.Require(loan.BorrowerId);
        if (wallet.Frozen)
        {
            throw ChaincodeRejection.Forbidden($"Wallet '{loan.BorrowerId}' is frozen; it cannot repay.");
        }

        // A repayment is an outgoing transfer: it restarts the borrower's velocity-tax clock.
        context.Accounts.Save(wallet with { IdleSince = context.Now });
        context.Accounts.Move(loan.BorrowerId, GxSupply.LoanPool, amount);
        var repaid = loan with { Repaid = loan.Repaid + amount };
        if (repaid.Remaining == 0)
        {
            repaid = repaid with { Status = GxStatuses.LoanRepaid };
        }

        context.Write(StateKeys.Loan(loan.LoanId), repaid);
        ReleaseFromBorrower(context, loan.BorrowerId, amount, closesLoan: repaid.Remaining == 0);
        return context.Commit(new LoanRepaid(
            loan.LoanId, loan.BorrowerId, amount, repaid.Repaid, repaid.Remaining, repaid.Status, context.Accounts.TouchedBalances(), commandId));
    }

    private static LoanState RequireLoanIn(ChaincodeContext context, string loanId, string status)
    {
        var loan = context.Require<LoanState>(StateKeys.Loan(loanId), $"Loan '{loanId}' does not exist.");
        return loan.Status == status ? loan : throw ChaincodeRejection.Conflict($"Loan '{loanId}' is {loan.Status}; this needs {status}.");
    }

    private static void ReleaseFromBorrower(ChaincodeContext context, string borrowerId, long amount, bool closesLoan)
    {
        var borrower = context.Require<UserState>(StateKeys.User(borrowerId), $"Borrower '{borrowerId}' does not exist.");
        context.Write(StateKeys.User(borrowerId), borrower with
        {
            OpenLoans = closesLoan ? borrower.OpenLoans - 1 : borrower.OpenLoans,
            OutstandingQirat = borrower.OutstandingQirat - amount,
        });
    }
}
