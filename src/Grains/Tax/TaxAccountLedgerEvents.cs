using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Tax;

namespace GxProtocol.Grains.Tax;

/// <summary>
/// How fee-paying and taxing events change one account's tax record. The routing sends each event to both sides of
/// a transfer, so every case checks which side this account is on and counts only its own share.
/// </summary>
public static class TaxAccountLedgerEvents
{
    public static void Apply(TaxAccountState state, string account, LedgerEventEnvelope ledgerEvent)
    {
        switch (ledgerEvent.EventName)
        {
            case nameof(TransferWithFeesCompleted):
                var transfer = LedgerEventJson.Deserialize<TransferWithFeesCompleted>(ledgerEvent.Payload);
                ApplyTransfer(state, account, ledgerEvent, TaxHistoryEntry.TransferFee, transfer.From, transfer.To,
                    transfer.FeeFromSender, transfer.FeeFromReceiver);
                break;
            case nameof(MultiSigTxInitiated):
                var initiated = LedgerEventJson.Deserialize<MultiSigTxInitiated>(ledgerEvent.Payload);
                if (initiated.Fees is { } executedAtOnce)
                {
                    ApplyTransfer(state, account, ledgerEvent, TaxHistoryEntry.MultiSigFee, initiated.OrgId, initiated.To,
                        executedAtOnce.FeeFromSender, executedAtOnce.FeeFromReceiver);
                }
                break;
            case nameof(MultiSigTxExecuted):
                var executed = LedgerEventJson.Deserialize<MultiSigTxExecuted>(ledgerEvent.Payload);
                ApplyTransfer(state, account, ledgerEvent, TaxHistoryEntry.MultiSigFee, executed.OrgId, executed.To,
                    executed.Fees.FeeFromSender, executed.Fees.FeeFromReceiver);
                break;
            case nameof(LoanRepaid) when LedgerEventJson.Deserialize<LoanRepaid>(ledgerEvent.Payload).BorrowerId == account:
                // A repayment is money leaving the wallet: the ledger restarts the idle clock for it as for a transfer.
                state.LastOutgoingAt = ledgerEvent.ObservedAt;
                break;
            case nameof(VelocityTaxApplied):
                var taxed = LedgerEventJson.Deserialize<VelocityTaxApplied>(ledgerEvent.Payload);
                if (taxed.AccountId == account)
                {
                    state.VelocityTaxPaid += taxed.Tax;
                    // The ledger restarts the idle clock when it taxes, so the same idle period is never taxed twice.
                    state.LastOutgoingAt = ledgerEvent.ObservedAt;
                    state.Record(new TaxHistoryEntry(ledgerEvent.TransactionId, TaxHistoryEntry.VelocityTax, taxed.Tax, null, ledgerEvent.ObservedAt));
                    state.Log.FinishWhere(c => c.TransactionName == GxChaincode.Tax.ApplyVelocityTax);
                }
                break;
        }
    }

    private static void ApplyTransfer(TaxAccountState state, string account, LedgerEventEnvelope ledgerEvent, string kind,
        string from, string to, long feeFromSender, long feeFromReceiver)
    {
        if (from == account)
        {
            // Any outgoing transfer restarts the velocity-tax clock, fee or not.
            state.LastOutgoingAt = ledgerEvent.ObservedAt;
            Pay(state, ledgerEvent, kind, feeFromSender, to);
        }
        if (to == account)
        {
            Pay(state, ledgerEvent, kind, feeFromReceiver, from);
        }
    }

    private static void Pay(TaxAccountState state, LedgerEventEnvelope ledgerEvent, string kind, long amount, string counterparty)
    {
        if (amount <= 0)
        {
            return;
        }
        state.FeesPaid += amount;
        state.Record(new TaxHistoryEntry(ledgerEvent.TransactionId, kind, amount, counterparty, ledgerEvent.ObservedAt));
    }
}
