using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;
using Admin = GxProtocol.Contract.GxChaincode.Admin;

namespace GxProtocol.DevLedger.Chaincode.Contracts;

/// <summary>AdminContract: bootstrap (the only mint), country data, parameters, pause, admins, treasuries.</summary>
internal static class AdminContract
{
    private const int MaxCountries = 300;

    public static IEnumerable<(string Function, ChaincodeHandler Handler)> Functions =>
    [
        (Admin.BootstrapSystem, BootstrapSystem),
        (Admin.InitializeCountryData, InitializeCountryData),
        (Admin.UpdateSystemParameter, UpdateSystemParameter),
        (Admin.PauseSystem, PauseSystem),
        (Admin.ResumeSystem, ResumeSystem),
        (Admin.AppointAdmin, AppointAdmin),
        (Admin.ActivateTreasuryAccount, ActivateTreasuryAccount),
    ];

    private static ChaincodeResponse BootstrapSystem(ChaincodeContext context, ContractArgs args)
    {
        BootstrapSystemArgs.Parse(args);
        context.RequireSuperAdmin();
        if (context.Exists(StateKeys.System))
        {
            throw ChaincodeRejection.Conflict("The system is already bootstrapped; the supply is minted only once.");
        }

        foreach (var pool in GxSupply.InitialPools)
        {
            context.Accounts.Save(new AccountState(pool.Account, AccountState.PoolKind, pool.Balance, null, false, true, context.Now));
        }

        context.Write(StateKeys.System, new SystemState(context.Now, Paused: false, PauseReason: ""));
        return context.Commit(new SystemBootstrapped(GxSupply.TotalSupplyQirat, GxSupply.InitialPools));
    }

    /// <summary>Adds or updates countries (genesis counters are kept); each gets a treasury account on first sight.</summary>
    private static ChaincodeResponse InitializeCountryData(ChaincodeContext context, ContractArgs args)
    {
        var given = InitializeCountryDataArgs.Parse(args).Countries;
        context.RequireSuperAdmin();
        if (given.Count == 0 || given.Count > MaxCountries)
        {
            throw ChaincodeRejection.BadRequest($"countries must list 1 to {MaxCountries} entries; got {given.Count}.");
        }

        var countries = new List<CountryAllocation>();
        foreach (var entry in given)
        {
            if (entry is null)
            {
                throw ChaincodeRejection.BadRequest("countries must not contain null entries.");
            }

            var code = ContractArgs.NormalizeCountry(entry.Code, "countries[].code");
            var name = (entry.Name ?? "").Trim();
            if (name.Length is 0 or > 100)
            {
                throw ChaincodeRejection.BadRequest($"Country {code}: name must be 1 to 100 characters.");
            }

            if (entry.Percentage <= 0 || entry.Percentage > 100)
            {
                throw ChaincodeRejection.BadRequest($"Country {code}: percentage must be above 0 and at most 100; got {entry.Percentage}.");
            }

            if (countries.Any(c => c.Code == code))
            {
                throw ChaincodeRejection.BadRequest($"Country {code} is listed twice.");
            }

            countries.Add(new CountryAllocation(code, name, entry.Percentage));
        }

        // Shares above 100% would let the countries' slots exceed a phase's user limit and overdraw the genesis pools.
        var total = context.ReadPrefix<CountryState>(StateKeys.CountryPrefix)
            .Where(existing => countries.All(c => c.Code != existing.Code))
            .Sum(existing => existing.Percentage) + countries.Sum(c => c.Percentage);
        if (total > 100)
        {
            throw ChaincodeRejection.BadRequest($"Country percentages would add up to {total}; at most 100 is allowed.");
        }

        foreach (var country in countries)
        {
            var existing = context.Read<CountryState>(StateKeys.Country(country.Code));
            context.Write(StateKeys.Country(country.Code), existing is null
                ? new CountryState(country.Code, country.Name, country.Percentage, 0, 0)
                : existing with { Name = country.Name, Percentage = country.Percentage });
            var treasury = GxSupply.TreasuryAccount(country.Code);
            if (context.Accounts.Find(treasury) is null)
            {
                context.Accounts.Save(new AccountState(treasury, AccountState.TreasuryKind, 0, country.Code, false, false, context.Now));
            }
        }
        return context.Commit(new CountryDataInitialized(countries));
    }

    private static ChaincodeResponse UpdateSystemParameter(ChaincodeContext context, ContractArgs args)
    {
        var (name, value) = UpdateSystemParameterArgs.Parse(args);
        context.RequireAdministrator();
        if (GxParameters.Validate(name, value) is { } violation)
        {
            throw ChaincodeRejection.BadRequest(violation.Message);
        }

        var old = context.Parameter(name);
        context.Write(StateKeys.Parameter(name), new ParameterState(name, value));
        return context.Commit(new SystemParameterUpdated(name, old, value));
    }

    private static ChaincodeResponse PauseSystem(ChaincodeContext context, ContractArgs args)
    {
        var reason = PauseSystemArgs.Parse(args).Reason;
        context.RequireSuperAdmin();
        var system = context.RequireBootstrapped();
        if (system.Paused)
        {
            throw ChaincodeRejection.Conflict("The system is already paused.");
        }

        context.Write(StateKeys.System, system with { Paused = true, PauseReason = reason });
        return context.Commit(new SystemPaused(reason, context.Now));
    }

    private static ChaincodeResponse ResumeSystem(ChaincodeContext context, ContractArgs args)
    {
        ResumeSystemArgs.Parse(args);
        context.RequireSuperAdmin();
        var system = context.RequireBootstrapped();
        if (!system.Paused)
        {
            throw ChaincodeRejection.Conflict("The system is not paused.");
        }

        context.Write(StateKeys.System, system with { Paused = false, PauseReason = "" });
        return context.Commit(new SystemResumed(context.Now));
    }

    private static ChaincodeResponse AppointAdmin(ChaincodeContext context, ContractArgs args)
    {
        var adminId = AppointAdminArgs.Parse(args).NewAdminId;
        context.RequireSuperAdmin();
        if (context.Exists(StateKeys.Admin(adminId)))
        {
            throw ChaincodeRejection.Conflict($"'{adminId}' is already an admin.");
        }

        context.Write(StateKeys.Admin(adminId), new AdminState(adminId, context.Now));
        return context.Commit(new AdminAppointed(adminId, context.Now));
    }

    private static ChaincodeResponse ActivateTreasuryAccount(ChaincodeContext context, ContractArgs args)
    {
        var code = ActivateTreasuryAccountArgs.Parse(args).CountryCode;
        context.RequireSuperAdmin();
        var account = GxSupply.TreasuryAccount(code);
        var treasury = context.Accounts.Find(account) ?? throw ChaincodeRejection.NotFound($"Country '{code}' is not initialized, so it has no treasury.");
        if (treasury.Active)
        {
            throw ChaincodeRejection.Conflict($"Treasury '{account}' is already active.");
        }

        context.Accounts.Save(treasury with { Active = true });
        return context.Commit(new TreasuryActivated(code, account, context.Accounts.TouchedBalances()));
    }
}
