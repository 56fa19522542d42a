namespace GxProtocol.Grains.PaymentRequests;

/// <summary>
/// A payee's request codes, oldest first, each with a sequence number that serves as the list cursor. Bounded: past
/// <see cref="PaymentRequestIndexGrain.MaxEntries"/> the oldest are dropped (requests live ten minutes at most).
/// </summary>
[GenerateSerializer, Alias("gx.PaymentRequestIndexState")]
public sealed class PaymentRequestIndexState
{
    [Id(0)] public List<PaymentRequestIndexEntry> Entries { get; set; } = [];
    [Id(1)] public long NextSequence { get; set; } = 1;
}
