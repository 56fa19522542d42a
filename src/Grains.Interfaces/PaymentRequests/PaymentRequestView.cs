namespace GxProtocol.Grains.Interfaces.PaymentRequests;

/// <summary>
/// A payment request as its grain sees it now (an OPEN request past its expiry already shows EXPIRED). The frontend
/// decides how much of it a caller other than the payee sees.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.PaymentRequestView")]
public sealed record PaymentRequestView(
    [property: Id(0)] string Code,
    [property: Id(1)] Guid PayeeId,
    [property: Id(2)] string PayeeDisplayName,
    [property: Id(3)] long AmountQirat,
    [property: Id(4)] string? Remark,
    [property: Id(5)] string Status,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset ExpiresAt,
    [property: Id(8)] string QrPayload,
    [property: Id(9)] Guid? PayerId = null,
    [property: Id(10)] Guid? CommandId = null,
    [property: Id(11)] DateTimeOffset? PaidAt = null,
    [property: Id(12)] string? LastFailureCode = null,
    [property: Id(13)] string? LastFailureMessage = null);
