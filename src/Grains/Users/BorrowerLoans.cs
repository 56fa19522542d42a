using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Ledger;

namespace GxProtocol.Grains.Users;

/// <summary>
/// A user's side of their loans, kept on the user grain so the per-borrower limits are checked in one place at
/// once: an application counts as open from the moment it is accepted, before the ledger commits it, so concurrent
/// applications cannot together pass the limits. The ledger's loan events then keep the amounts exact.
/// </summary>
[GenerateSerializer, Alias("gx.BorrowerLoans")]
public sealed class BorrowerLoans
{
    /// <summary>Open loans (accepted applications, pending approval, active) and the Qirat still owed on each. At most 5.</summary>
    [Id(0)] public Dictionary<Guid, long> Outstanding { get; set; } = [];

    /// <summary>Repayments in flight: command id -> loan id. Their amounts are held in <see cref="UserState.Holds"/>.</summary>
    [Id(1)] public Dictionary<Guid, Guid> RepaymentHolds { get; set; } = [];

    /// <summary>Counts <paramref name="loanId"/> as open unless a rule refuses it; false when it was already counted.</summary>
    public bool Reserve(Guid loanId, long amountQirat, int trustScore)
    {
        if (Outstanding.ContainsKey(loanId))
        {
            return false;
        }
        if (GxRules.CheckLoanApplication(amountQirat, trustScore, Outstanding.Count, Outstanding.Values.Sum()) is { } violation)
        {
            throw Refusal(violation);
        }
        Outstanding[loanId] = amountQirat;
        return true;
    }

    /// <summary>The 4xx a broken loan rule answers: amount 400 naming the field, trust 403, per-borrower limits 409.</summary>
    public static DomainRuleException Refusal(RuleViolation violation) => violation.Code switch
    {
        "LOAN_AMOUNT_OUT_OF_RANGE" => new DomainRuleException(RuleViolationKind.Validation, "loan_amount_out_of_range", violation.Message, "amount"),
        "TRUST_SCORE_TOO_LOW" => new DomainRuleException(RuleViolationKind.Forbidden, "trust_score_too_low", violation.Message),
        _ => DomainRuleException.Conflict(violation.Code.ToLowerInvariant(), violation.Message),
    };

    /// <summary>Holds a repayment unless the wallet cannot pay it; false when this command already holds it.</summary>
    public bool HoldRepayment(UserState user, long heldByOwnCommands, Guid loanId, Guid commandId, long amountQirat)
    {
        if (RepaymentHolds.ContainsKey(commandId))
        {
            return false;
        }
        if (user.Frozen)
        {
            throw DomainRuleException.Unprocessable("wallet_frozen", "The borrower's wallet is frozen.");
        }
        var available = user.Balance - user.Holds.Values.Sum() - heldByOwnCommands;
        if (amountQirat > available)
        {
            throw DomainRuleException.Unprocessable("insufficient_funds",
                $"The repayment needs {amountQirat} Qirat; {available} Qirat are available.", "amount");
        }
        user.Holds[commandId] = amountQirat;
        RepaymentHolds[commandId] = loanId;
        return true;
    }

    public bool ReleaseRepayment(UserState user, Guid commandId)
    {
        user.Holds.Remove(commandId);
        return RepaymentHolds.Remove(commandId);
    }

    /// <summary>How the borrower's loan events change the open loans and release repayment holds.</summary>
    public void Apply(UserState user, Guid userId, LedgerEventEnvelope ledgerEvent)
    {
        var me = userId.ToString();
        switch (ledgerEvent.EventName)
        {
            case nameof(LoanApplicationReceived):
                var received = LedgerEventJson.Deserialize<LoanApplicationReceived>(ledgerEvent.Payload);
                if (received.BorrowerId == me && Guid.TryParse(received.LoanId, out var appliedId))
                {
                    Outstanding[appliedId] = received.AmountDue;
                }
                break;
            case nameof(LoanRejected):
                var rejected = LedgerEventJson.Deserialize<LoanRejected>(ledgerEvent.Payload);
                if (rejected.BorrowerId == me && Guid.TryParse(rejected.LoanId, out var rejectedId))
                {
                    Outstanding.Remove(rejectedId);
                }
                break;
            case nameof(LoanRepaid):
                var repaid = LedgerEventJson.Deserialize<LoanRepaid>(ledgerEvent.Payload);
                if (repaid.BorrowerId == me && Guid.TryParse(repaid.LoanId, out var repaidId))
                {
                    ApplyRepayment(user, repaidId, repaid);
                }
                break;
        }
    }

    private void ApplyRepayment(UserState user, Guid loanId, LoanRepaid repaid)
    {
        if (repaid.Remaining == 0)
        {
            Outstanding.Remove(loanId);
        }
        else
        {
            Outstanding[loanId] = repaid.Remaining;
        }
        // The event names the repayment's command; without one, a hold of the same amount on this loan is taken.
        var settled = Guid.TryParse(repaid.CommandId, out var named) && RepaymentHolds.ContainsKey(named)
            ? named
            : RepaymentHolds.Where(h => h.Value == loanId && user.Holds.GetValueOrDefault(h.Key) == repaid.Amount)
                .Select(h => (Guid?)h.Key).FirstOrDefault();
        if (settled is { } commandId)
        {
            ReleaseRepayment(user, commandId);
        }
        if (repaid.Remaining == 0)
        {
            // Nothing can be repaid any more: a hold left behind (its command lost before it was recorded) is freed.
            foreach (var orphan in RepaymentHolds.Where(h => h.Value == loanId).Select(h => h.Key).ToList())
            {
                ReleaseRepayment(user, orphan);
            }
        }
    }
}
