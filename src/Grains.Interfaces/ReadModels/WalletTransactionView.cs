namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>One line of a wallet's history. <see cref="Amount"/> is signed: what this wallet gained or lost.</summary>
[GenerateSerializer, Immutable, Alias("gx.WalletTransactionView")]
public sealed record WalletTransactionView(
    [property: Id(0)] string TransactionId,
    [property: Id(1)] ulong BlockNumber,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? Counterparty,
    [property: Id(4)] long Amount,
    [property: Id(5)] long Fee,
    [property: Id(6)] long BalanceAfter,
    [property: Id(7)] string? Remark,
    [property: Id(8)] DateTimeOffset RecordedAt,
    [property: Id(9)] long Sequence);

/// <summary>Kinds of wallet history lines.</summary>
public static class WalletTransactionKinds
{
    public const string Genesis = "GENESIS";
    public const string TransferIn = "TRANSFER_IN";
    public const string TransferOut = "TRANSFER_OUT";
    public const string LoanDisbursed = "LOAN_DISBURSED";
    public const string LoanRepayment = "LOAN_REPAYMENT";
    public const string VelocityTax = "VELOCITY_TAX";
}
