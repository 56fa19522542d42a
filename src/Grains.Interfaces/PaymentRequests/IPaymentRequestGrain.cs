using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Interfaces.PaymentRequests;

/// <summary>One QR payment request, keyed by its code ("QS-" + 8 characters). Paid at most once.</summary>
[Alias("gx.IPaymentRequestGrain")]
public interface IPaymentRequestGrain : IGrainWithStringKey
{
    /// <summary>Starts the request; 409 <c>code_taken</c> when the code already names one (the index then draws another).</summary>
    [Alias("Create")] Task<PaymentRequestView> CreateAsync(PaymentRequestCreation creation);

    /// <summary>The request as it stands; 404 when the code names none.</summary>
    [Alias("Get")] Task<PaymentRequestView> GetAsync();

    /// <summary>
    /// Pays the request with an ordinary transfer from the payer's wallet (the user grain's transfer, with its fee and
    /// hold). 409 when it is paid, being paid, expired or cancelled; 422 when the payer is the payee; 400 on a payload
    /// that is not the request's own signed one.
    /// </summary>
    [Alias("Pay")] Task<CommandAccepted> PayAsync(PaymentRequestPayment payment);

    /// <summary>The payee withdraws an OPEN request; 404 for anyone else, 409 once it is no longer open.</summary>
    [Alias("Cancel")] Task<PaymentRequestView> CancelAsync(Guid callerId);
}
