using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;
using Identity = GxProtocol.Contract.GxChaincode.Identity;

namespace GxProtocol.DevLedger.Chaincode.Contracts;

/// <summary>IdentityContract: registers a user with a wallet and pays their genesis in the same transaction.</summary>
internal static class IdentityContract
{
    public static IEnumerable<(string Function, ChaincodeHandler Handler)> Functions =>
    [
        (Identity.CreateUser, CreateUser),
    ];

    /// <summary>
    /// A user outside the genesis ages (13–73), or in a country whose phases are exhausted, is still registered,
    /// with genesis 0; DistributeGenesis can pay it later if they become eligible.
    /// </summary>
    private static ChaincodeResponse CreateUser(ChaincodeContext context, ContractArgs args)
    {
        var (userId, nationality, age, kycEvidenceHash) = CreateUserArgs.Parse(args);
        context.RequireAdministrator();
        // Registration pays genesis, so it is a money-moving function: refused before bootstrap and while paused.
        context.RequireOperational();
        if (context.Exists(StateKeys.User(userId)) || context.Accounts.Find(userId) is not null)
        {
            throw ChaincodeRejection.Conflict($"User '{userId}' already exists.");
        }

        var country = context.Require<CountryState>(StateKeys.Country(nationality), $"Country '{nationality}' is not initialized (AdminContract:InitializeCountryData).");

        context.Accounts.Save(new AccountState(userId, AccountState.UserKind, 0, nationality, false, true, context.Now));
        var user = new UserState(userId, nationality, age, context.Now, false, 0, 0, 0, 0, kycEvidenceHash);
        var allocation = GenesisPayer.TryPay(context, ref user, out _) ?? GenesisAllocation.Exhausted;
        context.Write(StateKeys.User(userId), user);
        // Re-read: the genesis payment may have advanced the country's counters in this transaction.
        country = context.Read<CountryState>(StateKeys.Country(nationality))!;
        context.Write(StateKeys.Country(nationality), country with { Users = country.Users + 1 });

        return context.Commit(new UserCreated(
            userId, nationality, age, allocation.Phase, allocation.UserAmountQirat, allocation.TreasuryAmountQirat,
            context.Accounts.TouchedBalances(), kycEvidenceHash));
    }
}
