namespace GxProtocol.Grains.Interfaces.Tax;

/// <summary>
/// One fee or tax the account paid. <see cref="Kind"/>: TRANSFER_FEE, MULTISIG_FEE or VELOCITY_TAX;
/// <see cref="Amount"/> is the account's own share in Qirat.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.TaxHistoryEntry")]
public sealed record TaxHistoryEntry(
    [property: Id(0)] string TransactionId,
    [property: Id(1)] string Kind,
    [property: Id(2)] long Amount,
    [property: Id(3)] string? Counterparty,
    [property: Id(4)] DateTimeOffset RecordedAt)
{
    public const string TransferFee = "TRANSFER_FEE";
    public const string MultiSigFee = "MULTISIG_FEE";
    public const string VelocityTax = "VELOCITY_TAX";
}
