using System.Globalization;
using System.Text.RegularExpressions;

namespace GxProtocol.Contract;

// The arguments of LoanPoolContract's functions (GxChaincode.LoanPool), built by the backend, sent as Fabric's
// positional strings (ToArguments) and read by the chaincode (Parse).

/// <summary>
/// A loan application. <see cref="TermDays"/> is only known to be an integer here: its bound is the ledger's
/// maxLoanDurationDays parameter, which the chaincode checks. Amount limits and the trust threshold are the chaincode's rules.
/// </summary>
public sealed partial record ApplyForLoanArgs(
    string BorrowerId, long AmountQirat, string CollateralHash, int TrustScore, long? TermDays, string? RequestId)
{
    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();

    public static ApplyForLoanArgs Parse(ContractArgs args)
    {
        args.ExpectCount(4, 6);
        var borrowerId = args.Id(0, "borrowerId");
        var amount = args.Qirat(1, "amountQirat");
        var collateralHash = args.Text(2, "collateralHash", 64, required: true);
        if (!Sha256Hex().IsMatch(collateralHash))
        {
            throw new ContractArgumentException("collateralHash must be 64 hex characters (SHA-256).");
        }
        var trustScore = args.Int(3, "trustScore", 0, GxRules.MaxTrustScore);
        return new ApplyForLoanArgs(borrowerId, amount, collateralHash, trustScore, args.OptionalLong(4, "termDays"), args.OptionalId(5, "requestId"));
    }

    public string[] ToArguments() =>
    [
        BorrowerId, AmountQirat.ToString(CultureInfo.InvariantCulture), CollateralHash, TrustScore.ToString(CultureInfo.InvariantCulture),
        TermDays?.ToString(CultureInfo.InvariantCulture) ?? "", RequestId ?? "",
    ];
}

public sealed record ApproveLoanArgs(string LoanId)
{
    public static ApproveLoanArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 1);
        return new ApproveLoanArgs(args.Id(0, "loanId"));
    }

    public string[] ToArguments() => [LoanId];
}

public sealed record RejectLoanArgs(string LoanId, string? Reason)
{
    public static RejectLoanArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 2);
        return new RejectLoanArgs(args.Id(0, "loanId"), args.Text(1, "reason", 500, required: false));
    }

    public string[] ToArguments() => [LoanId, Reason ?? ""];
}

/// <summary>The command id, when given, is echoed in LoanRepaid. That the amount does not exceed what remains is the chaincode's rule.</summary>
public sealed record RepayLoanArgs(string LoanId, long AmountQirat, string? CommandId)
{
    public static RepayLoanArgs Parse(ContractArgs args)
    {
        args.ExpectCount(2, 3);
        return new RepayLoanArgs(args.Id(0, "loanId"), args.Qirat(1, "amountQirat"), args.OptionalId(2, "commandId"));
    }

    public string[] ToArguments() => [LoanId, AmountQirat.ToString(CultureInfo.InvariantCulture), CommandId ?? ""];

    /// <summary>The arguments a backend command stored (written by <see cref="ToArguments"/>), read back without validating them again.</summary>
    public static RepayLoanArgs FromStored(IReadOnlyList<string> arguments) =>
        new(arguments[0], long.Parse(arguments[1], CultureInfo.InvariantCulture), arguments.Count > 2 ? arguments[2] : null);
}
