namespace GxProtocol.Grains.Interfaces.Organizations;

/// <summary>What a payer needs to know about an organization's wallet: whether it is open and the country its fee bands use.</summary>
[GenerateSerializer, Immutable, Alias("gx.PaymentRecipient")]
public sealed record PaymentRecipient([property: Id(0)] bool Active, [property: Id(1)] string Country);
