using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.ReadModels;
using Collections = GxProtocol.Grains.ReadModels.ReadModelCollections;
using Counters = GxProtocol.Grains.ReadModels.ReadModelCollections.Counters;

namespace GxProtocol.Grains.ReadModels;

/// <summary>Organizations and their multi-signature transfers, loans and proposals as documents.</summary>
public static partial class ReadModelProjection
{
    private static void EntityChanges(ReadModelChangeSet changes)
    {
        var payload = changes.Event.Payload;
        var at = changes.Event.ObservedAt;
        switch (changes.Event.EventName)
        {
            case nameof(OrganizationProposed):
                var proposed = LedgerEventJson.Deserialize<OrganizationProposed>(payload);
                changes.Patch(Collections.Organizations, proposed.OrgId, new
                {
                    proposed.OrgId,
                    proposed.OrgName,
                    proposed.OrgType,
                    proposed.Country,
                    proposed.StakeholderIds,
                    proposed.EndorsedBy,
                    status = GxStatuses.OrganizationProposed,
                    proposedAt = at,
                }, Collections.All, GxStatuses.OrganizationProposed).Count(Counters.Organizations);
                foreach (var stakeholder in proposed.StakeholderIds)
                {
                    changes.Patch(Collections.OrganizationMembers, $"{proposed.OrgId}/{stakeholder}", new { proposed.OrgId }, stakeholder);
                }
                break;
            case nameof(MembershipEndorsed):
                var endorsed = LedgerEventJson.Deserialize<MembershipEndorsed>(payload);
                changes.Patch(Collections.Organizations, endorsed.OrgId, new { endorsed.EndorsedBy });
                break;
            case nameof(OrganizationActivated):
                var active = LedgerEventJson.Deserialize<OrganizationActivated>(payload);
                changes.Patch(Collections.Organizations, active.OrgId, new { status = GxStatuses.OrganizationActive }, status: GxStatuses.OrganizationActive);
                break;
            case nameof(MultiSigTxInitiated):
                var initiated = LedgerEventJson.Deserialize<MultiSigTxInitiated>(payload);
                changes.Patch(Collections.MultiSigTxs, initiated.PendingTxId, new
                {
                    initiated.PendingTxId,
                    initiated.OrgId,
                    initiated.InitiatorId,
                    initiated.To,
                    initiated.Amount,
                    initiated.Remark,
                    initiated.RequiredApprovals,
                    initiated.Approvals,
                    initiated.Status,
                    initiatedAt = at,
                }, initiated.OrgId, initiated.Status);
                MultiSigPayout(changes, initiated.OrgId, initiated.To, initiated.Fees, initiated.Balances, initiated.Remark);
                break;
            case nameof(MultiSigTxApproved):
                var approved = LedgerEventJson.Deserialize<MultiSigTxApproved>(payload);
                changes.Patch(Collections.MultiSigTxs, approved.PendingTxId, new { approved.Approvals });
                break;
            case nameof(MultiSigTxExecuted):
                var executed = LedgerEventJson.Deserialize<MultiSigTxExecuted>(payload);
                changes.Patch(Collections.MultiSigTxs, executed.PendingTxId, new { executed.Approvals, status = GxStatuses.MultiSigExecuted },
                    status: GxStatuses.MultiSigExecuted);
                MultiSigPayout(changes, executed.OrgId, executed.To, executed.Fees, executed.Balances, null);
                break;
            case nameof(MultiSigTxCancelled):
                var cancelled = LedgerEventJson.Deserialize<MultiSigTxCancelled>(payload);
                changes.Patch(Collections.MultiSigTxs, cancelled.PendingTxId, new { cancelled.CancelledBy, status = GxStatuses.MultiSigCancelled },
                    status: GxStatuses.MultiSigCancelled);
                break;
            case nameof(LoanApplicationReceived):
                var applied = LedgerEventJson.Deserialize<LoanApplicationReceived>(payload);
                changes.Patch(Collections.Loans, applied.LoanId, new
                {
                    applied.LoanId,
                    applied.BorrowerId,
                    applied.Amount,
                    applied.AmountDue,
                    totalRepaid = 0L,
                    remaining = applied.AmountDue,
                    applied.Status,
                    applied.TermDays,
                    applied.TrustScore,
                    appliedAt = at,
                }, applied.BorrowerId, applied.Status).Count(Counters.Loans);
                break;
            case nameof(LoanApproved):
                var disbursed = LedgerEventJson.Deserialize<LoanApproved>(payload);
                changes.Patch(Collections.Loans, disbursed.LoanId, new { status = GxStatuses.LoanActive, disbursed.DueAt }, status: GxStatuses.LoanActive)
                    .Line(disbursed.BorrowerId, WalletTransactionKinds.LoanDisbursed, disbursed.LoanId, disbursed.Amount, 0, disbursed.Balances, null);
                break;
            case nameof(LoanRejected):
                var rejected = LedgerEventJson.Deserialize<LoanRejected>(payload);
                changes.Patch(Collections.Loans, rejected.LoanId, new { status = GxStatuses.LoanRejected, rejected.Reason }, status: GxStatuses.LoanRejected);
                break;
            case nameof(LoanRepaid):
                var repaid = LedgerEventJson.Deserialize<LoanRepaid>(payload);
                changes.Patch(Collections.Loans, repaid.LoanId, new { repaid.TotalRepaid, repaid.Remaining, repaid.Status }, status: repaid.Status)
                    .Line(repaid.BorrowerId, WalletTransactionKinds.LoanRepayment, repaid.LoanId, -repaid.Amount, 0, repaid.Balances, null);
                break;
            case nameof(ProposalSubmitted):
                var submitted = LedgerEventJson.Deserialize<ProposalSubmitted>(payload);
                changes.Patch(Collections.Proposals, submitted.ProposalId, new
                {
                    submitted.ProposalId,
                    submitted.ProposerId,
                    submitted.Title,
                    submitted.TargetParameter,
                    submitted.ProposedValue,
                    status = GxStatuses.ProposalActive,
                    votesFor = 0L,
                    votesAgainst = 0L,
                    votesAbstain = 0L,
                    submittedAt = at,
                    submitted.VotingEndsAt,
                }, Collections.All, GxStatuses.ProposalActive).Count(Counters.Proposals);
                break;
            case nameof(VoteCast):
                var vote = LedgerEventJson.Deserialize<VoteCast>(payload);
                changes.Patch(Collections.Proposals, vote.ProposalId, new { vote.VotesFor, vote.VotesAgainst, vote.VotesAbstain });
                break;
            case nameof(ProposalExecuted):
                var passed = LedgerEventJson.Deserialize<ProposalExecuted>(payload);
                changes.Patch(Collections.Proposals, passed.ProposalId, new
                {
                    status = GxStatuses.ProposalExecuted,
                    passed.VotesFor,
                    passed.VotesAgainst,
                    passed.VotesAbstain,
                    outcome = passed.Reason,
                }, status: GxStatuses.ProposalExecuted);
                break;
            case nameof(ProposalFailed):
                var failed = LedgerEventJson.Deserialize<ProposalFailed>(payload);
                changes.Patch(Collections.Proposals, failed.ProposalId, new
                {
                    status = GxStatuses.ProposalFailed,
                    failed.VotesFor,
                    failed.VotesAgainst,
                    failed.VotesAbstain,
                    outcome = failed.Reason,
                }, status: GxStatuses.ProposalFailed);
                break;
        }
    }

    private static void MultiSigPayout(ReadModelChangeSet changes, string orgId, string to, TransferFees? fees, IReadOnlyList<AccountBalance> balances, string? remark)
    {
        if (fees is not null)
        {
            changes.Line(to, WalletTransactionKinds.TransferIn, orgId, fees.NetReceived, fees.FeeFromReceiver, balances, remark)
                .TreasuryBalances(balances)
                .Count(Counters.Transfers);
        }
    }
}
