using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;

namespace GxProtocol.DevLedger.Chaincode;

/// <summary>
/// Pays a user's one genesis: the user's share from the user genesis pool and the national treasury's share from
/// the government genesis pool. That pool is sized for exactly the treasury shares (2,550M x 50 + 2,450M x 10 =
/// 152e9 coins), as the user genesis pool is for the user shares, so neither pool is ever overdrawn.
/// </summary>
internal static class GenesisPayer
{
    /// <summary>The allocation paid, or null with <paramref name="whyNot"/> when the user cannot receive genesis now.</summary>
    public static GenesisAllocation? TryPay(ChaincodeContext context, ref UserState user, out string whyNot)
    {
        whyNot = "";
        if (user.GenesisReceived) { whyNot = $"User '{user.UserId}' has already received genesis."; return null; }
        if (!GxRules.IsGenesisAgeEligible(user.Age))
        {
            whyNot = $"Genesis is for ages {GxRules.MinGenesisAge} to {GxRules.MaxGenesisAge}; user '{user.UserId}' is {user.Age}.";
            return null;
        }
        var country = context.Require<CountryState>(StateKeys.Country(user.Nationality), $"Country '{user.Nationality}' is not initialized.");
        var allocation = GxRules.GenesisFor(country.Percentage, country.GenesisRecipients);
        if (allocation.IsExhausted) { whyNot = $"Every genesis phase of country '{country.Code}' is exhausted."; return null; }

        context.Accounts.Move(GxSupply.UserGenesisPool, user.UserId, allocation.UserAmountQirat);
        context.Accounts.Move(GxSupply.GovernmentGenesisPool, GxSupply.TreasuryAccount(country.Code), allocation.TreasuryAmountQirat);
        context.Write(StateKeys.Country(country.Code), country with { GenesisRecipients = country.GenesisRecipients + 1 });
        user = user with { GenesisReceived = true, GenesisPhase = allocation.Phase, GenesisAmount = allocation.UserAmountQirat };
        return allocation;
    }
}
