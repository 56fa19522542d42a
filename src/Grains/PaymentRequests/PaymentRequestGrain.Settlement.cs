using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.PaymentRequests;

namespace GxProtocol.Grains.PaymentRequests;

/// <summary>Settling a PAYING request from its transfer's command status: PAID on commit, open again on failure.</summary>
public sealed partial class PaymentRequestGrain
{
    private async Task<CommandAccepted> SettleWithAsync(CommandAccepted accepted)
    {
        switch (accepted.Status)
        {
            case CommandState.Committed:
                await MarkPaidAsync(null);
                break;
            case CommandState.Failed:
                await SettleAsync();
                break;
            default:
                ArmTimers();
                break;
        }
        return accepted;
    }

    /// <summary>Applies the ledger's answer to a PAYING request, if there is one yet.</summary>
    private async Task SettleAsync()
    {
        if (State.Status != PaymentRequestStatus.Paying || State.CommandId is not { } commandId)
        {
            return;
        }
        var status = await GrainFactory.GetGrain<ICommandGrain>(commandId).GetAsync();
        if (status is null)
        {
            if (clock.GetUtcNow() - (State.PayingSince ?? State.CreatedAt) > UnknownCommandGrace)
            {
                await ReopenAsync("transfer_not_accepted", "The payment's transfer was never accepted.");
            }
            return;
        }
        if (status.State == CommandState.Committed)
        {
            await MarkPaidAsync(status.CompletedAt);
        }
        else if (status.State == CommandState.Failed)
        {
            await ReopenAsync(status.ErrorCode ?? "transfer_failed", status.ErrorMessage ?? "The ledger refused the transfer.");
        }
    }

    private async Task MarkPaidAsync(DateTimeOffset? committedAt)
    {
        if (State.Status == PaymentRequestStatus.Paid)
        {
            return;
        }
        State.Status = PaymentRequestStatus.Paid;
        State.PaidAt = committedAt ?? clock.GetUtcNow();
        await state.WriteStateAsync();
        ArmTimers();
    }

    /// <summary>A payment that did not go through: the request can be paid again until it expires.</summary>
    private async Task ReopenAsync(string? failureCode, string? failureMessage)
    {
        State.Status = clock.GetUtcNow() >= State.ExpiresAt ? PaymentRequestStatus.Expired : PaymentRequestStatus.Open;
        State.PayerId = null;
        State.CommandId = null;
        State.PayingSince = null;
        State.LastFailureCode = failureCode;
        State.LastFailureMessage = failureMessage;
        await state.WriteStateAsync();
        ArmTimers();
    }
}
