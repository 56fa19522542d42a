using GxProtocol.Contract;
using GxProtocol.Fabric;
using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Interfaces.Tax;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.Tax;

/// <summary>
/// One account's fees and velocity taxes, from the ledger's events: every transfer this account sent or received
/// with a fee, every multi-signature payout, every velocity tax. The balance comes from the ledger when needed, since
/// organization wallets have no user grain; the idle time comes from the last outgoing transfer seen here.
/// </summary>
[ImplicitChannelSubscription(LedgerChannels.TaxAccounts)]
public sealed class TaxAccountGrain(
    [PersistentState("taxAccount", GxStorage.Name)] IPersistentState<TaxAccountState> state,
    CommandHandoff handoff,
    ILedgerClient ledger,
    TimeProvider clock,
    ILogger<TaxAccountGrain> logger) : Grain, ITaxAccountGrain, IOnBroadcastChannelSubscribed
{
    private TaxAccountState State => state.State;
    private string AccountId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        handoff.HandOffAllAsync(State.Log.Pending.Values, AccountId);

    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<LedgerEventBatch>(batch => LedgerEventBatches.ApplyAsync(batch, ApplyLedgerEvent, state.WriteStateAsync));

    public async Task<TaxAccountView> GetAccountAsync()
    {
        if (State.LastApplied == LedgerPosition.None)
        {
            // Nothing seen yet: an account that exists simply paid nothing, one that does not is a 404.
            await RequireWalletAsync();
        }
        return new TaxAccountView(AccountId, State.FeesPaid, State.VelocityTaxPaid, State.LastOutgoingAt, State.History.ToList());
    }

    public async Task<VelocityTaxEligibility> GetVelocityTaxEligibilityAsync()
    {
        var wallet = await RequireWalletAsync();
        var idleSince = State.LastOutgoingAt ?? await RegisteredAtAsync();
        var now = clock.GetUtcNow();
        var periodDays = (int)await GrainFactory.CurrentParameterAsync(GxParameters.VelocityTaxPeriodDays);
        int? idleDays = idleSince is { } since ? Math.Max(0, (int)Math.Floor((now - since).TotalDays)) : null;
        var eligible = idleSince is { } start && GxRules.IsVelocityTaxDue(wallet.Balance, start, now, periodDays);
        return new VelocityTaxEligibility(AccountId, eligible, wallet.Balance, idleSince, idleDays, periodDays,
            GxRules.VelocityTaxRateBps(wallet.Balance), GxRules.ComputeVelocityTax(wallet.Balance).Tax);
    }

    public async Task<CommandAccepted> ApplyVelocityTaxAsync(Guid adminId, Guid commandId)
    {
        if (await handoff.RepeatedAsync(State.Log, commandId, AccountId) is { } repeat)
        {
            return repeat;
        }
        if (State.Log.IsPending(GxChaincode.Tax.ApplyVelocityTax))
        {
            throw DomainRuleException.Conflict("velocity_tax_pending", "A velocity tax on this account is already on its way to the ledger.");
        }
        var eligibility = await GetVelocityTaxEligibilityAsync();
        // With no idle start known (an organization this backend never saw send), the ledger alone decides.
        if (!eligibility.Eligible && (eligibility.IdleSince is not null || eligibility.Balance <= GxRules.VelocityTaxFloorQirat))
        {
            throw DomainRuleException.Conflict("velocity_tax_not_due",
                $"The velocity tax is not due: it needs a balance above {GxRules.VelocityTaxFloorQirat} Qirat and {eligibility.PeriodDays} idle days; " +
                $"the account holds {eligibility.Balance} Qirat and has been idle {eligibility.DaysSinceLastOutgoing} days.");
        }
        var command = new LedgerCommand(commandId, GxChaincode.Tax.ApplyVelocityTax, new ApplyVelocityTaxArgs(AccountId).ToArguments(), this.GetGrainId(), adminId, clock.GetUtcNow());
        return await handoff.AcceptAsync(State.Log, command, AccountId, state.WriteStateAsync);
    }

    /// <summary>Written with the next event; after a restart the hand-off of the still pending command reports it again.</summary>
    public Task OnCommandCommittedAsync(Guid commandId, ulong blockNumber)
    {
        State.Log.Committed(commandId, blockNumber, State.LastApplied);
        return Task.CompletedTask;
    }

    public async Task OnCommandFailedAsync(Guid commandId, string code, string message)
    {
        if (State.Log.Finish(commandId) is not null)
        {
            await state.WriteStateAsync();
        }
    }

    private async Task<BalanceQueryResult> RequireWalletAsync()
    {
        var account = await LedgerQueries.GetBalanceAsync(ledger, AccountId);
        // Pools and treasuries pay no fees and no velocity tax: they have no tax account.
        return account.Kind is "user" or "organization" ? account : throw DomainRuleException.NotFound("Tax account");
    }

    private async Task<DateTimeOffset?> RegisteredAtAsync() =>
        Guid.TryParse(AccountId, out var userId) && await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync() is { } profile
            ? profile.RegisteredAt
            : null;

    private bool ApplyLedgerEvent(LedgerEventEnvelope ledgerEvent)
    {
        if (!LedgerEventApplication.Apply(State.LastApplied, ledgerEvent, () => TaxAccountLedgerEvents.Apply(State, AccountId, ledgerEvent), logger))
        {
            return false;
        }
        State.LastApplied = ledgerEvent.Position;
        State.Log.SettleCommitted(ledgerEvent.Position);
        return true;
    }
}
