namespace GxProtocol.Grains.Interfaces.PaymentRequests;

/// <summary>What the payee's index hands the request grain it chose a fresh code for.</summary>
[GenerateSerializer, Immutable, Alias("gx.PaymentRequestCreation")]
public sealed record PaymentRequestCreation(
    [property: Id(0)] Guid PayeeId,
    [property: Id(1)] string PayeeDisplayName,
    [property: Id(2)] NewPaymentRequest Request);
