using System.Globalization;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Webhooks;
using GxProtocol.Grains.Notifications;

namespace GxProtocol.Grains.Webhooks;

/// <summary>Which chaincode events are webhook events, and what their bodies say. Amounts are in coins, as the API writes them.</summary>
public static class WebhookLedgerEvents
{
    /// <summary>The webhook event type a chaincode event can become, or null for events no webhook is about.</summary>
    public static string? TypeOf(string eventName) => eventName switch
    {
        nameof(UserCreated) => WebhookEventTypes.UserApproved,
        nameof(WalletFrozen) => WebhookEventTypes.WalletFrozen,
        nameof(ProposalExecuted) => WebhookEventTypes.ProposalExecuted,
        nameof(TransferWithFeesCompleted) => WebhookEventTypes.LargeTransferCommitted,
        _ => null,
    };

    public static WebhookEvent? From(LedgerEventEnvelope ledgerEvent, long largeTransferThresholdQirat)
    {
        Dictionary<string, string>? data = null;
        switch (ledgerEvent.EventName)
        {
            case nameof(UserCreated):
                var created = LedgerEventJson.Deserialize<UserCreated>(ledgerEvent.Payload);
                data = new() { ["userId"] = created.UserId, ["nationality"] = created.Nationality, ["genesisAmount"] = NotificationProjection.Coins(created.GenesisAmount) };
                if (created.KycEvidenceHash is { } evidenceHash)
                {
                    data["kycEvidenceHash"] = evidenceHash;
                }
                break;
            case nameof(WalletFrozen):
                var frozen = LedgerEventJson.Deserialize<WalletFrozen>(ledgerEvent.Payload);
                data = new() { ["userId"] = frozen.UserId, ["reason"] = frozen.Reason };
                break;
            case nameof(ProposalExecuted):
                var executed = LedgerEventJson.Deserialize<ProposalExecuted>(ledgerEvent.Payload);
                data = new()
                {
                    ["proposalId"] = executed.ProposalId,
                    ["targetParameter"] = executed.TargetParameter,
                    ["oldValue"] = executed.OldValue.ToString(CultureInfo.InvariantCulture),
                    ["newValue"] = executed.NewValue.ToString(CultureInfo.InvariantCulture),
                };
                break;
            case nameof(TransferWithFeesCompleted):
                var transfer = LedgerEventJson.Deserialize<TransferWithFeesCompleted>(ledgerEvent.Payload);
                if (transfer.Amount >= largeTransferThresholdQirat)
                {
                    data = new()
                    {
                        ["commandId"] = transfer.CommandId,
                        ["from"] = transfer.From,
                        ["to"] = transfer.To,
                        ["amount"] = NotificationProjection.Coins(transfer.Amount),
                        ["fee"] = NotificationProjection.Coins(transfer.Fee),
                    };
                }
                break;
        }
        if (data is null || TypeOf(ledgerEvent.EventName) is not { } type)
        {
            return null;
        }
        data["transactionId"] = ledgerEvent.TransactionId;
        data["block"] = ledgerEvent.Position.Block.ToString(CultureInfo.InvariantCulture);
        return new WebhookEvent(type, $"ledger:{ledgerEvent.Position}", ledgerEvent.ObservedAt, data);
    }
}
