namespace GxProtocol.Grains.PaymentRequests;

/// <summary>One request in a payee's index; <see cref="Sequence"/> grows with every request and is the list cursor.</summary>
[GenerateSerializer, Immutable, Alias("gx.PaymentRequestIndexEntry")]
public sealed record PaymentRequestIndexEntry([property: Id(0)] long Sequence, [property: Id(1)] string Code);
