using System.Globalization;

namespace GxProtocol.Contract;

// The arguments of TokenomicsContract's functions (GxChaincode.Tokenomics), built by the backend, sent as Fabric's
// positional strings (ToArguments) and read by the chaincode (Parse).

/// <summary>A transfer: accounts are user or organization ids, or a treasury (pools cannot send). An empty remark or command id is none.</summary>
public sealed record TransferWithFeesArgs(string From, string To, long AmountQirat, string? Remark, string? CommandId)
{
    public static TransferWithFeesArgs Parse(ContractArgs args)
    {
        args.ExpectCount(3, 5);
        return new TransferWithFeesArgs(
            args.Account(0, "fromUserId"), args.Account(1, "toUserId"), args.Qirat(2, "amountQirat"),
            args.Text(3, "remark", 500, required: false), args.OptionalId(4, "commandId") ?? "");
    }

    public string[] ToArguments() => [From, To, AmountQirat.ToString(CultureInfo.InvariantCulture), Remark ?? "", CommandId ?? ""];
}

public sealed record DistributeGenesisArgs(string UserId, int? Age)
{
    public static DistributeGenesisArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 2);
        return new DistributeGenesisArgs(args.Id(0, "userId"), args.OptionalInt(1, "age", 0, CreateUserArgs.MaxAge));
    }

    public string[] ToArguments() => Age is { } age ? [UserId, age.ToString(CultureInfo.InvariantCulture)] : [UserId];
}

/// <summary><see cref="UserId"/> names a user's or an organization's wallet.</summary>
public sealed record FreezeWalletArgs(string UserId, string? Reason)
{
    public static FreezeWalletArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 2);
        return new FreezeWalletArgs(args.Id(0, "userId"), args.Text(1, "reason", 500, required: false));
    }

    public string[] ToArguments() => [UserId, Reason ?? ""];
}

public sealed record UnfreezeWalletArgs(string UserId)
{
    public static UnfreezeWalletArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 1);
        return new UnfreezeWalletArgs(args.Id(0, "userId"));
    }

    public string[] ToArguments() => [UserId];
}

public sealed record GetBalanceArgs(string Account)
{
    public static GetBalanceArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 1);
        return new GetBalanceArgs(args.Account(0, "account"));
    }

    public string[] ToArguments() => [Account];
}
