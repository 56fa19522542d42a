namespace GxProtocol.Grains.Interfaces.PaymentRequests;

/// <summary>
/// A payer pays a request: <see cref="CommandId"/> becomes the transfer's command id (derived from the idempotency key,
/// so a retry is recognised); <see cref="QrPayload"/>, when the payer scanned one, must be the request's own signed payload.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.PaymentRequestPayment")]
public sealed record PaymentRequestPayment(
    [property: Id(0)] Guid PayerId,
    [property: Id(1)] Guid CommandId,
    [property: Id(2)] string? QrPayload);
