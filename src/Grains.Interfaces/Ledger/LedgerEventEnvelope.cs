namespace GxProtocol.Grains.Interfaces.Ledger;

/// <summary>
/// A committed chaincode event as the listener publishes it to the broadcast channels. The payload stays the raw
/// JSON the chaincode emitted; each subscriber reads the fields it needs.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.LedgerEventEnvelope")]
public sealed record LedgerEventEnvelope(
    [property: Id(0)] LedgerPosition Position,
    [property: Id(1)] string TransactionId,
    [property: Id(2)] string EventName,
    [property: Id(3)] byte[] Payload,
    [property: Id(4)] DateTimeOffset ObservedAt);
