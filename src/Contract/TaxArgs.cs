using System.Globalization;

namespace GxProtocol.Contract;

// The arguments of TaxAndFeeContract's functions (GxChaincode.Tax), built by the backend, sent as Fabric's
// positional strings (ToArguments) and read by the chaincode (Parse).

public sealed record ApplyVelocityTaxArgs(string AccountId)
{
    public static ApplyVelocityTaxArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 1);
        return new ApplyVelocityTaxArgs(args.Id(0, "accountId"));
    }

    public string[] ToArguments() => [AccountId];
}

/// <summary>
/// A fee quote. Parse upper-cases the countries and the transaction type (empty is TRANSFER); the type is checked only
/// where it decides (no two accounts), and which sides may be named how is the chaincode's rule.
/// </summary>
public sealed record CalculateTransactionFeeArgs(
    long AmountQirat, string? FromAccount, string? ToAccount, string TransactionType, string? FromCountry, string? ToCountry)
{
    public static CalculateTransactionFeeArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 6);
        var amount = args.Qirat(0, "amountQirat");
        var from = args.OptionalAccount(1, "fromUserId");
        var fromCountry = OptionalCountry(args, 4, "fromCountry");
        var to = args.OptionalAccount(2, "toUserId");
        var toCountry = OptionalCountry(args, 5, "toCountry");
        var type = args.Text(3, "transactionType", 32, required: false).ToUpperInvariant();
        return new CalculateTransactionFeeArgs(amount, from, to, type.Length == 0 ? GxStatuses.TransactionTransfer : type, fromCountry, toCountry);
    }

    public string[] ToArguments() =>
        [AmountQirat.ToString(CultureInfo.InvariantCulture), FromAccount ?? "", ToAccount ?? "", TransactionType, FromCountry ?? "", ToCountry ?? ""];

    private static string? OptionalCountry(ContractArgs args, int index, string name) =>
        args.Text(index, name, 8, required: false).Length > 0 ? args.CountryCode(index, name) : null;
}
