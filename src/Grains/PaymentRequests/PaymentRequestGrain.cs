using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.PaymentRequests;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Grains.PaymentRequests;

/// <summary>
/// One QR payment request. Paying it is an ordinary transfer through the payer's user grain (same fee, hold, outbox
/// row and command status); this grain only makes sure one transfer at a time, and at most one that commits, is made
/// for it. It records PAYING before it asks for the transfer, so a crash in between can never leave an OPEN request
/// whose payment is already queued. The outcome is read from the command's status (no change to the user grain or
/// the transfer path): COMMITTED makes the request PAID, FAILED returns it to OPEN (or EXPIRED) for another attempt.
/// </summary>
public sealed partial class PaymentRequestGrain(
    [PersistentState("paymentRequest", GxStorage.Name)] IPersistentState<PaymentRequestState> state,
    PaymentRequestSigner signer,
    TimeProvider clock,
    ILogger<PaymentRequestGrain> logger) : Grain, IPaymentRequestGrain
{
    /// <summary>How often a PAYING request asks its command for the ledger's answer while nobody else does.</summary>
    private static readonly TimeSpan SettleInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A PAYING request whose command has no status row after this long was never accepted (the transfer call failed
    /// before its row was stored), so the request opens again.
    /// </summary>
    private static readonly TimeSpan UnknownCommandGrace = TimeSpan.FromSeconds(30);

    private IGrainTimer? _expiryTimer;
    private IGrainTimer? _settleTimer;

    private PaymentRequestState State => state.State;
    private string Code => this.GetPrimaryKeyString();
    private bool Exists => State.Code is not null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return;
        }
        await SettleAsync();
        await ExpireIfDueAsync();
        ArmTimers();
    }

    public async Task<PaymentRequestView> CreateAsync(PaymentRequestCreation creation)
    {
        if (Exists)
        {
            throw DomainRuleException.Conflict("code_taken", "This payment request code is already in use.");
        }
        var now = clock.GetUtcNow();
        State.Code = Code;
        State.PayeeId = creation.PayeeId;
        State.PayeeDisplayName = creation.PayeeDisplayName;
        State.AmountQirat = creation.Request.AmountQirat;
        State.Remark = creation.Request.Remark;
        State.Status = PaymentRequestStatus.Open;
        State.CreatedAt = now;
        // Whole seconds: the signed payload carries the expiry in Unix seconds and must match it exactly.
        State.ExpiresAt = DateTimeOffset.FromUnixTimeSeconds((now + TimeSpan.FromSeconds(creation.Request.ExpiresInSeconds)).ToUnixTimeSeconds());
        await state.WriteStateAsync();
        ArmTimers();
        return View();
    }

    public async Task<PaymentRequestView> GetAsync()
    {
        RequireExists();
        await SettleAsync();
        await ExpireIfDueAsync();
        return View();
    }

    public async Task<CommandAccepted> PayAsync(PaymentRequestPayment payment)
    {
        RequireExists();
        if (payment.QrPayload is { } payload && !signer.IsPayloadOf(payload, State))
        {
            throw DomainRuleException.Invalid("qrPayload", "is not this payment request's signed QR payload (it was altered, or belongs to another request).");
        }
        if (payment.PayerId == State.PayeeId)
        {
            throw DomainRuleException.Unprocessable("own_payment_request", "A payment request cannot be paid by its own payee.");
        }
        await SettleAsync();
        if (State.CommandId == payment.CommandId && State.PayerId == payment.PayerId)
        {
            // The same payer's retry with the same idempotency key: the user grain answers with that transfer's status.
            return await SettleWithAsync(await TransferAsync(payment.PayerId, payment.CommandId));
        }
        await ExpireIfDueAsync();
        switch (State.Status)
        {
            case PaymentRequestStatus.Paid:
                throw DomainRuleException.Conflict("payment_request_paid", "This payment request has already been paid.");
            case PaymentRequestStatus.Paying:
                throw DomainRuleException.Conflict("payment_request_paying", "This payment request is being paid by someone else.");
            case PaymentRequestStatus.Cancelled:
                throw DomainRuleException.Conflict("payment_request_cancelled", "The payee cancelled this payment request.");
            case PaymentRequestStatus.Expired:
                throw DomainRuleException.Conflict("payment_request_expired", $"This payment request expired at {State.ExpiresAt:O}.");
        }

        State.Status = PaymentRequestStatus.Paying;
        State.PayerId = payment.PayerId;
        State.CommandId = payment.CommandId;
        State.PayingSince = clock.GetUtcNow();
        State.LastFailureCode = State.LastFailureMessage = null;
        await state.WriteStateAsync();

        CommandAccepted accepted;
        try
        {
            accepted = await TransferAsync(payment.PayerId, payment.CommandId);
        }
        catch (DomainRuleException)
        {
            // Refused before anything was queued (insufficient funds, frozen wallet, paused system): open again.
            await ReopenAsync(null, null);
            throw;
        }
        catch (Exception exception)
        {
            // The transfer may or may not have been queued; the command's status row will tell.
            logger.LogWarning(exception, "Paying {Code}: the transfer {CommandId} did not answer; settling from its status", Code, payment.CommandId);
            ArmTimers();
            throw;
        }
        return await SettleWithAsync(accepted);
    }

    public async Task<PaymentRequestView> CancelAsync(Guid callerId)
    {
        if (!Exists || callerId != State.PayeeId)
        {
            throw DomainRuleException.NotFound("Payment request");
        }
        await SettleAsync();
        await ExpireIfDueAsync();
        if (State.Status != PaymentRequestStatus.Open)
        {
            throw DomainRuleException.Conflict("payment_request_not_open", $"Only an OPEN payment request can be cancelled; this one is {State.Status}.");
        }
        State.Status = PaymentRequestStatus.Cancelled;
        await state.WriteStateAsync();
        ArmTimers();
        return View();
    }

    private Task<CommandAccepted> TransferAsync(Guid payerId, Guid commandId) =>
        GrainFactory.GetGrain<IUserGrain>(payerId).TransferAsync(new TransferRequest(commandId, State.PayeeId, State.AmountQirat,
            State.Remark is { Length: > 0 } remark ? $"QSend {Code}: {remark}" : $"QSend {Code}"));

    private async Task ExpireIfDueAsync()
    {
        if (State.Status == PaymentRequestStatus.Open && clock.GetUtcNow() >= State.ExpiresAt)
        {
            State.Status = PaymentRequestStatus.Expired;
            await state.WriteStateAsync();
        }
    }

    /// <summary>
    /// An OPEN request keeps a timer for its expiry (and stays active until then); a PAYING one polls its command.
    /// Finished requests keep no timer. The checks on every call make expiry exact even when a timer is late or the
    /// grain was reactivated elsewhere.
    /// </summary>
    private void ArmTimers()
    {
        var open = State.Status == PaymentRequestStatus.Open;
        if (open && _expiryTimer is null)
        {
            var due = State.ExpiresAt - clock.GetUtcNow();
            _expiryTimer = this.RegisterGrainTimer(OnExpiryTimerAsync, new GrainTimerCreationOptions
            {
                DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero,
                Period = TimeSpan.FromSeconds(1),
                KeepAlive = true,
            });
        }
        else if (!open)
        {
            _expiryTimer?.Dispose();
            _expiryTimer = null;
        }

        var paying = State.Status == PaymentRequestStatus.Paying;
        if (paying && _settleTimer is null)
        {
            _settleTimer = this.RegisterGrainTimer(_ => SettleAsync(), new GrainTimerCreationOptions
            {
                DueTime = SettleInterval,
                Period = SettleInterval,
                KeepAlive = true,
            });
        }
        else if (!paying)
        {
            _settleTimer?.Dispose();
            _settleTimer = null;
        }
    }

    private async Task OnExpiryTimerAsync(CancellationToken cancellationToken)
    {
        await ExpireIfDueAsync();
        ArmTimers();
    }

    private void RequireExists()
    {
        if (!Exists)
        {
            throw DomainRuleException.NotFound("Payment request");
        }
    }

    private PaymentRequestView View() => new(Code, State.PayeeId, State.PayeeDisplayName, State.AmountQirat, State.Remark, State.Status,
        State.CreatedAt, State.ExpiresAt, signer.PayloadFor(State), State.PayerId, State.CommandId, State.PaidAt,
        State.LastFailureCode, State.LastFailureMessage);
}
