using System.Globalization;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Governance;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Notifications;
using GxProtocol.Grains.Interfaces.Organizations;

namespace GxProtocol.Grains.Notifications;

/// <summary>
/// Which users a chaincode event concerns and what to tell them. Payloads say almost everything; who proposed a
/// proposal and who approves an organization's transfers are asked of their grains.
/// </summary>
public static class NotificationProjection
{
    public static async Task<IReadOnlyList<NotificationDraft>> ForAsync(LedgerEventEnvelope ledgerEvent, IGrainFactory grains)
    {
        var drafts = new List<NotificationDraft>();
        var at = ledgerEvent.ObservedAt;
        var payload = ledgerEvent.Payload;
        void Notify(string user, string kind, string message, Dictionary<string, string> data)
        {
            // Pools, treasuries and organizations have no inbox.
            if (Guid.TryParse(user, out var userId))
            {
                data["transactionId"] = ledgerEvent.TransactionId;
                drafts.Add(new NotificationDraft(userId, kind, message, data, at));
            }
        }

        switch (ledgerEvent.EventName)
        {
            case nameof(TransferWithFeesCompleted):
                var transfer = LedgerEventJson.Deserialize<TransferWithFeesCompleted>(payload);
                Notify(transfer.To, NotificationKinds.CoinsReceived, $"You received {Coins(transfer.NetReceived)} coins.",
                    new() { ["amount"] = Coins(transfer.NetReceived), ["fee"] = Coins(transfer.FeeFromReceiver), ["from"] = transfer.From });
                Notify(transfer.From, NotificationKinds.CoinsSent, $"You sent {Coins(transfer.Amount)} coins.",
                    new() { ["amount"] = Coins(transfer.Amount), ["fee"] = Coins(transfer.FeeFromSender), ["to"] = transfer.To });
                break;
            case nameof(MultiSigTxExecuted):
                var payout = LedgerEventJson.Deserialize<MultiSigTxExecuted>(payload);
                Notify(payout.To, NotificationKinds.CoinsReceived, $"You received {Coins(payout.Fees.NetReceived)} coins from organization {payout.OrgId}.",
                    new() { ["amount"] = Coins(payout.Fees.NetReceived), ["fee"] = Coins(payout.Fees.FeeFromReceiver), ["from"] = payout.OrgId });
                break;
            case nameof(MultiSigTxInitiated):
                var initiated = LedgerEventJson.Deserialize<MultiSigTxInitiated>(payload);
                if (initiated.Fees is not null)
                {
                    Notify(initiated.To, NotificationKinds.CoinsReceived, $"You received {Coins(initiated.Fees.NetReceived)} coins from organization {initiated.OrgId}.",
                        new() { ["amount"] = Coins(initiated.Fees.NetReceived), ["fee"] = Coins(initiated.Fees.FeeFromReceiver), ["from"] = initiated.OrgId });
                }
                else
                {
                    foreach (var approver in await ApproversAsync(grains, initiated.OrgId))
                    {
                        if (!initiated.Approvals.Contains(approver))
                        {
                            Notify(approver, NotificationKinds.MultiSigApprovalRequested,
                                $"A transfer of {Coins(initiated.Amount)} coins from organization {initiated.OrgId} waits for your approval.",
                                new() { ["pendingTxId"] = initiated.PendingTxId, ["orgId"] = initiated.OrgId, ["amount"] = Coins(initiated.Amount), ["to"] = initiated.To });
                        }
                    }
                }
                break;
            case nameof(UserCreated):
                var created = LedgerEventJson.Deserialize<UserCreated>(payload);
                if (created.GenesisAmount > 0)
                {
                    Notify(created.UserId, NotificationKinds.GenesisCredited, $"Welcome: {Coins(created.GenesisAmount)} genesis coins were credited.",
                        new() { ["amount"] = Coins(created.GenesisAmount) });
                }
                break;
            case nameof(GenesisDistributed):
                var genesis = LedgerEventJson.Deserialize<GenesisDistributed>(payload);
                if (genesis.GenesisAmount > 0)
                {
                    Notify(genesis.UserId, NotificationKinds.GenesisCredited, $"{Coins(genesis.GenesisAmount)} genesis coins were credited.",
                        new() { ["amount"] = Coins(genesis.GenesisAmount) });
                }
                break;
            case nameof(LoanApproved):
                var approved = LedgerEventJson.Deserialize<LoanApproved>(payload);
                Notify(approved.BorrowerId, NotificationKinds.LoanApproved, $"Your loan of {Coins(approved.Amount)} coins was approved and paid out.",
                    new() { ["loanId"] = approved.LoanId, ["amount"] = Coins(approved.Amount), ["dueAt"] = approved.DueAt.ToString("O", CultureInfo.InvariantCulture) });
                break;
            case nameof(LoanRejected):
                var rejected = LedgerEventJson.Deserialize<LoanRejected>(payload);
                Notify(rejected.BorrowerId, NotificationKinds.LoanRejected, "Your loan application was rejected.",
                    new() { ["loanId"] = rejected.LoanId, ["reason"] = rejected.Reason });
                break;
            case nameof(LoanRepaid):
                var repaid = LedgerEventJson.Deserialize<LoanRepaid>(payload);
                Notify(repaid.BorrowerId, NotificationKinds.LoanRepaid, $"Your repayment of {Coins(repaid.Amount)} coins was recorded; {Coins(repaid.Remaining)} remain.",
                    new() { ["loanId"] = repaid.LoanId, ["amount"] = Coins(repaid.Amount), ["remaining"] = Coins(repaid.Remaining), ["status"] = repaid.Status });
                break;
            case nameof(ProposalExecuted):
                var executed = LedgerEventJson.Deserialize<ProposalExecuted>(payload);
                if (Guid.TryParse(executed.ProposalId, out var proposalId))
                {
                    var proposal = await grains.GetGrain<IProposalGrain>(IProposalGrain.KeyFor(proposalId)).GetAsync();
                    Notify(proposal.ProposerId.ToString(), NotificationKinds.ProposalExecuted,
                        $"Your proposal passed: {executed.TargetParameter} is now {executed.NewValue}.",
                        new() { ["proposalId"] = executed.ProposalId, ["targetParameter"] = executed.TargetParameter, ["newValue"] = executed.NewValue.ToString(CultureInfo.InvariantCulture) });
                }
                break;
            case nameof(WalletFrozen):
                var frozen = LedgerEventJson.Deserialize<WalletFrozen>(payload);
                Notify(frozen.UserId, NotificationKinds.WalletFrozen, "Your wallet was frozen by an administrator.", new() { ["reason"] = frozen.Reason });
                break;
            case nameof(WalletUnfrozen):
                var unfrozen = LedgerEventJson.Deserialize<WalletUnfrozen>(payload);
                Notify(unfrozen.UserId, NotificationKinds.WalletUnfrozen, "Your wallet was unfrozen.", []);
                break;
        }
        return drafts;
    }

    /// <summary>A Qirat amount in coins, as the API writes amounts ("12.5", "0.000001").</summary>
    public static string Coins(long qirat) =>
        (qirat / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<string>> ApproversAsync(IGrainFactory grains, string orgId)
    {
        var organization = await grains.GetGrain<IOrganizationGrain>(orgId).GetAsync(Guid.Empty, callerIsAdmin: true);
        return organization.Rule?.ApproverIds.Select(id => id.ToString()).ToList() ?? [];
    }
}
