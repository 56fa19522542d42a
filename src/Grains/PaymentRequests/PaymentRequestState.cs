using GxProtocol.Grains.Interfaces.PaymentRequests;

namespace GxProtocol.Grains.PaymentRequests;

/// <summary>One payment request; <see cref="Code"/> is null until the request is created.</summary>
[GenerateSerializer, Alias("gx.PaymentRequestState")]
public sealed class PaymentRequestState
{
    [Id(0)] public string? Code { get; set; }
    [Id(1)] public Guid PayeeId { get; set; }
    [Id(2)] public string PayeeDisplayName { get; set; } = "";
    [Id(3)] public long AmountQirat { get; set; }
    [Id(4)] public string? Remark { get; set; }
    [Id(5)] public string Status { get; set; } = PaymentRequestStatus.Open;
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Who is paying or paid, with the transfer's command id: set while PAYING and once PAID.</summary>
    [Id(8)] public Guid? PayerId { get; set; }
    [Id(9)] public Guid? CommandId { get; set; }
    [Id(10)] public DateTimeOffset? PayingSince { get; set; }
    [Id(11)] public DateTimeOffset? PaidAt { get; set; }

    /// <summary>Why the last payment attempt did not go through (the ledger refused it), for the payee and the payer.</summary>
    [Id(12)] public string? LastFailureCode { get; set; }
    [Id(13)] public string? LastFailureMessage { get; set; }
}
