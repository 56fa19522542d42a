using System.Globalization;
using System.Text.Json;

namespace GxProtocol.Contract;

// The arguments of AdminContract's functions (GxChaincode.Admin): each record is built by the backend, turned into
// Fabric's positional strings by ToArguments and read back by Parse, which rejects malformed input naming the argument.

public sealed record BootstrapSystemArgs
{
    public static BootstrapSystemArgs Parse(ContractArgs args)
    {
        args.ExpectCount(0, 0);
        return new BootstrapSystemArgs();
    }

    public string[] ToArguments() => [];
}

/// <summary>Entries are checked by the chaincode (codes, names, percentages, duplicates), which words each refusal by country.</summary>
public sealed record InitializeCountryDataArgs(IReadOnlyList<CountryAllocation?> Countries)
{
    public static InitializeCountryDataArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 1);
        return new InitializeCountryDataArgs(args.Json<List<CountryAllocation?>>(0, "countries"));
    }

    public string[] ToArguments() => [JsonSerializer.Serialize(Countries, LedgerEventJson.Options)];
}

/// <summary>The parameter's name and range are checked against <see cref="GxParameters"/> by the chaincode.</summary>
public sealed record UpdateSystemParameterArgs(string ParamId, long NewValue)
{
    public static UpdateSystemParameterArgs Parse(ContractArgs args)
    {
        args.ExpectCount(2, 2);
        return new UpdateSystemParameterArgs(args.Text(0, "paramId", 64, required: true), args.Long(1, "newValue", long.MinValue, long.MaxValue));
    }

    public string[] ToArguments() => [ParamId, NewValue.ToString(CultureInfo.InvariantCulture)];

    /// <summary>The arguments a backend command stored (written by <see cref="ToArguments"/>), read back without validating them again.</summary>
    public static UpdateSystemParameterArgs FromStored(IReadOnlyList<string> arguments) =>
        new(arguments[0], long.Parse(arguments[1], CultureInfo.InvariantCulture));
}

public sealed record PauseSystemArgs(string Reason)
{
    public static PauseSystemArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 1);
        return new PauseSystemArgs(args.Text(0, "reason", 500, required: true));
    }

    public string[] ToArguments() => [Reason];
}

public sealed record ResumeSystemArgs
{
    public static ResumeSystemArgs Parse(ContractArgs args)
    {
        args.ExpectCount(0, 0);
        return new ResumeSystemArgs();
    }

    public string[] ToArguments() => [];
}

public sealed record AppointAdminArgs(string NewAdminId)
{
    public static AppointAdminArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 1);
        return new AppointAdminArgs(args.Id(0, "newAdminId"));
    }

    public string[] ToArguments() => [NewAdminId];

    /// <summary>The arguments a backend command stored (written by <see cref="ToArguments"/>), read back without validating them again.</summary>
    public static AppointAdminArgs FromStored(IReadOnlyList<string> arguments) => new(arguments[0]);
}

/// <summary>Parse upper-cases the code.</summary>
public sealed record ActivateTreasuryAccountArgs(string CountryCode)
{
    public static ActivateTreasuryAccountArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 1);
        return new ActivateTreasuryAccountArgs(args.CountryCode(0, "countryCode"));
    }

    public string[] ToArguments() => [CountryCode];

    /// <summary>The arguments a backend command stored (written by <see cref="ToArguments"/>), read back without validating them again.</summary>
    public static ActivateTreasuryAccountArgs FromStored(IReadOnlyList<string> arguments) => new(arguments[0]);
}

/// <summary>That the account is a blindly credited pool is checked by the chaincode.</summary>
public sealed record GetBlindCreditsArgs(string Account, int? Limit = null)
{
    public static GetBlindCreditsArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 2);
        return new GetBlindCreditsArgs(args.Account(0, "account"), args.OptionalInt(1, "limit", 1, GxChaincode.MaxCreditsPerFold));
    }

    public string[] ToArguments() => Limit is { } limit ? [Account, limit.ToString(CultureInfo.InvariantCulture)] : [Account];
}

public sealed record FoldBlindCreditsArgs(string Account, IReadOnlyList<string> TransactionIds)
{
    public static FoldBlindCreditsArgs Parse(ContractArgs args)
    {
        args.ExpectCount(2, 2);
        return new FoldBlindCreditsArgs(args.Account(0, "account"), args.IdList(1, "transactionIds", GxChaincode.MaxCreditsPerFold));
    }

    public string[] ToArguments() => [Account, JsonSerializer.Serialize(TransactionIds)];
}
