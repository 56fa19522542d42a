using GxProtocol.Contract;
using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.Users;

/// <summary>What administrators do to a wallet on the ledger: late genesis, freeze and unfreeze.</summary>
public sealed partial class UserGrain
{
    public async Task<CommandAccepted> DistributeGenesisAsync(Guid superAdminId, Guid commandId)
    {
        if (await AlreadyAcceptedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        RequireOnChain();
        if (State.GenesisReceived || IsPending(GxChaincode.Tokenomics.DistributeGenesis))
        {
            throw DomainRuleException.Conflict("genesis_already_received", "This user has already received genesis; it is paid once.");
        }
        var age = AgeOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Profile.DateOfBirth);
        if (!GxRules.IsGenesisAgeEligible(age))
        {
            throw DomainRuleException.Conflict("genesis_not_eligible", $"Genesis is for ages {GxRules.MinGenesisAge} to {GxRules.MaxGenesisAge}; this user is {age}.");
        }
        await RequireSystemRunningAsync();
        return await AcceptAsync(AdminCommand(superAdminId, commandId, GxChaincode.Tokenomics.DistributeGenesis, new DistributeGenesisArgs(UserId.ToString(), age).ToArguments()));
    }

    public async Task<CommandAccepted> FreezeWalletAsync(Guid adminId, Guid commandId, string reason)
    {
        if (await AlreadyAcceptedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        RequireOnChain();
        if (State.Frozen || IsPending(GxChaincode.Tokenomics.FreezeWallet))
        {
            throw DomainRuleException.Conflict("already_frozen", "This wallet is already frozen.");
        }
        return await AcceptAsync(AdminCommand(adminId, commandId, GxChaincode.Tokenomics.FreezeWallet, new FreezeWalletArgs(UserId.ToString(), reason).ToArguments()));
    }

    public async Task<CommandAccepted> UnfreezeWalletAsync(Guid adminId, Guid commandId)
    {
        if (await AlreadyAcceptedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        RequireOnChain();
        if (!State.Frozen || IsPending(GxChaincode.Tokenomics.UnfreezeWallet))
        {
            throw DomainRuleException.Conflict("not_frozen", "This wallet is not frozen.");
        }
        return await AcceptAsync(AdminCommand(adminId, commandId, GxChaincode.Tokenomics.UnfreezeWallet, new UnfreezeWalletArgs(UserId.ToString()).ToArguments()));
    }

    /// <summary>
    /// A command an administrator gives about this wallet is owned by the acting admin, as the system's, loans' and
    /// proposals' admin commands are: its row then records who gave it.
    /// </summary>
    private LedgerCommand AdminCommand(Guid adminId, Guid commandId, string transactionName, string[] arguments) =>
        NewCommand(commandId, transactionName, arguments) with { OwnerUserId = adminId };

    private void RequireOnChain()
    {
        if (Profile.Status is not (UserStatus.Active or UserStatus.Frozen))
        {
            throw DomainRuleException.Conflict("user_not_active", $"The user is not ACTIVE on the ledger; they are {Profile.Status}.");
        }
    }

    private bool IsPending(string transactionName) => _commands.IsPending(transactionName);

    /// <summary>While the ledger is paused it refuses every money-moving command; refusing here spares the round trip.</summary>
    private async Task RequireSystemRunningAsync()
    {
        if (await GrainFactory.GetGrain<ISystemGrain>(ISystemGrain.Key).IsPausedAsync())
        {
            throw DomainRuleException.Conflict("system_paused", "The system is paused; money-moving commands are refused until it resumes.");
        }
    }
}
