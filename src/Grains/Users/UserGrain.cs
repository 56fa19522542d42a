using System.Globalization;
using GxProtocol.Fabric.Contract;
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

/// <summary>
/// A person and their wallet. Commands are recorded here with their holds in one state write, then handed to the
/// outbox; the balance changes only when the ledger's events arrive, each applied once by position.
/// </summary>
[ImplicitChannelSubscription(LedgerChannels.Users)]
public sealed partial class UserGrain(
    [PersistentState("user", GxStorage.Name)] IPersistentState<UserState> state,
    CommandHandoff handoff,
    TimeProvider clock,
    ILogger<UserGrain> logger) : Grain, IUserGrain, IOnBroadcastChannelSubscribed
{
    private UserState State => state.State;
    private Guid UserId => this.GetPrimaryKey();
    private UserProfile Profile => State.Profile ?? throw DomainRuleException.NotFound("User");

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        handoff.HandOffAllAsync(State.PendingCommands.Values, UserId.ToString());

    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<LedgerEventEnvelope>(ApplyLedgerEventAsync);

    public async Task<UserProfile> RegisterAsync(RegisterUser registration)
    {
        if (State.Profile is not null)
        {
            throw DomainRuleException.Conflict("user_exists", "This user is already registered.");
        }
        State.Profile = new UserProfile(UserId, registration.Email, registration.FirstName, registration.LastName,
            registration.PhoneNum, registration.IdentityNum, registration.NationalityCountryCode, registration.DateOfBirth,
            UserStatus.Registered, registration.Role, clock.GetUtcNow());
        State.PasswordHash = registration.PasswordHash;
        await state.WriteStateAsync();
        return State.Profile;
    }

    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(State.Profile);

    public async Task<UserProfile> UpdateProfileAsync(ProfileChanges changes)
    {
        State.Profile = Profile with
        {
            FirstName = changes.FirstName ?? Profile.FirstName,
            LastName = changes.LastName ?? Profile.LastName,
            PhoneNum = changes.PhoneNum ?? Profile.PhoneNum,
        };
        await state.WriteStateAsync();
        return State.Profile;
    }

    public Task<UserCredentials?> GetCredentialsAsync() => Task.FromResult(State.Profile is { } p
        ? new UserCredentials(p.UserId, p.Email, State.PasswordHash, p.Role, p.Status)
        : null);

    public async Task<KycView> SubmitKycAsync(KycSubmission submission)
    {
        if (Profile.Status is not (UserStatus.Registered or UserStatus.PendingAdminApproval))
        {
            throw DomainRuleException.Conflict("kyc_not_accepted", $"KYC cannot be submitted while the user is {Profile.Status}.");
        }
        State.Kyc = new KycView("PENDING_ADMIN_APPROVAL", submission, clock.GetUtcNow(), null, null);
        State.Profile = Profile with { Status = UserStatus.PendingAdminApproval };
        await state.WriteStateAsync();
        return State.Kyc;
    }

    public Task<KycView> GetKycAsync() => Task.FromResult(State.Profile is null ? throw DomainRuleException.NotFound("User") : State.Kyc);

    public async Task<CommandAccepted> ApproveAsync(Guid adminId, Guid commandId)
    {
        if (await AlreadyAcceptedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        if (Profile.Status != UserStatus.PendingAdminApproval)
        {
            throw DomainRuleException.Conflict("not_pending_approval", $"Only a user whose KYC awaits approval can be approved; this user is {Profile.Status}.");
        }
        var age = AgeOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Profile.DateOfBirth);
        var command = NewCommand(commandId, GxChaincode.Identity.CreateUser, [UserId.ToString(), Profile.NationalityCountryCode, age.ToString()]);
        State.Profile = Profile with { Status = UserStatus.ApprovedPendingOnchain };
        State.Kyc = State.Kyc with { Status = "APPROVED", ReviewedAt = clock.GetUtcNow(), ReviewNote = $"approved by {adminId}" };
        return await AcceptAsync(command, hold: 0);
    }

    public async Task<UserProfile> DenyAsync(Guid adminId, string reason)
    {
        if (Profile.Status != UserStatus.PendingAdminApproval)
        {
            throw DomainRuleException.Conflict("not_pending_approval", $"Only a user whose KYC awaits approval can be denied; this user is {Profile.Status}.");
        }
        State.Profile = Profile with { Status = UserStatus.Denied };
        State.Kyc = State.Kyc with { Status = "DENIED", ReviewedAt = clock.GetUtcNow(), ReviewNote = reason };
        await state.WriteStateAsync();
        return State.Profile;
    }

    public Task<WalletView> GetWalletAsync() => State.Profile is null
        ? throw DomainRuleException.NotFound("Wallet")
        : Task.FromResult(new WalletView(UserId, State.Balance, State.Holds.Values.Sum(), State.Frozen));

    public async Task<CommandAccepted> TransferAsync(TransferRequest transfer)
    {
        if (await AlreadyAcceptedAsync(transfer.CommandId) is { } repeat)
        {
            return repeat;
        }
        var sender = Profile;
        if (State.Frozen || sender.Status == UserStatus.Frozen)
        {
            throw DomainRuleException.Unprocessable("wallet_frozen", "The sender's wallet is frozen.");
        }
        if (sender.Status != UserStatus.Active)
        {
            throw DomainRuleException.Unprocessable("wallet_not_active", "The sender's wallet is not active on the ledger yet.");
        }
        await RequireSystemRunningAsync();
        var recipient = transfer.ToOrganizationId is { } orgId ? await OrganizationRecipientAsync(orgId) : await UserRecipientAsync(transfer.ToUserId);
        var feeBps = await GrainFactory.CurrentParameterAsync(GxParameters.TransactionFeeBps);
        var hold = TransferHold.For(transfer.AmountQirat, sender.NationalityCountryCode, recipient.Country, recipient.Kind, (int)feeBps);
        var available = State.Balance - State.Holds.Values.Sum();
        if (hold > available)
        {
            throw DomainRuleException.Unprocessable("insufficient_funds",
                $"The transfer needs {hold} Qirat including the sender's fee; {available} Qirat are available.", "amount");
        }
        var command = NewCommand(transfer.CommandId, GxChaincode.Tokenomics.TransferWithFees,
            [UserId.ToString(), recipient.Account, transfer.AmountQirat.ToString(), transfer.Remark, transfer.CommandId.ToString()]);
        return await AcceptAsync(command, hold);
    }

    public async Task OnCommandFailedAsync(Guid commandId, string code, string message)
    {
        if (!State.PendingCommands.Remove(commandId, out var command))
        {
            return;
        }
        State.Holds.Remove(commandId);
        State.RememberFinished(commandId);
        if (command.TransactionName == GxChaincode.Identity.CreateUser && Profile.Status == UserStatus.ApprovedPendingOnchain)
        {
            // The ledger refused to register the user; approval can be tried again once the cause is fixed.
            State.Profile = Profile with { Status = UserStatus.PendingAdminApproval };
        }
        await state.WriteStateAsync();
    }

    private async Task ApplyLedgerEventAsync(LedgerEventEnvelope ledgerEvent)
    {
        if (State.Profile is null
            || !LedgerEventApplication.Apply(State.LastApplied, ledgerEvent, () =>
            {
                UserLedgerEvents.Apply(State, UserId, ledgerEvent);
                State.Loans.Apply(State, UserId, ledgerEvent);
            }, logger))
        {
            return;
        }
        State.LastApplied = ledgerEvent.Position;
        await state.WriteStateAsync();
    }

    /// <summary>A command id seen before answers with that command's status instead of being accepted again.</summary>
    private async Task<CommandAccepted?> AlreadyAcceptedAsync(Guid commandId)
    {
        if (State.PendingCommands.TryGetValue(commandId, out var pending))
        {
            // The first hand-off may have failed after the command was recorded (a silo died): hand it off again.
            await handoff.HandOffAsync(pending, UserId.ToString());
            return new CommandAccepted(commandId, CommandState.Pending);
        }
        if (!State.RecentlyFinished.Contains(commandId))
        {
            return null;
        }
        var status = await GrainFactory.GetGrain<ICommandGrain>(commandId).GetAsync();
        return new CommandAccepted(commandId, status?.State ?? CommandState.Committed);
    }

    private LedgerCommand NewCommand(Guid commandId, string transactionName, string[] arguments) =>
        new(commandId, transactionName, arguments, this.GetGrainId(), UserId, clock.GetUtcNow());

    private async Task<CommandAccepted> AcceptAsync(LedgerCommand command, long hold)
    {
        State.PendingCommands[command.CommandId] = command;
        if (hold > 0)
        {
            State.Holds[command.CommandId] = hold;
        }
        await state.WriteStateAsync();
        await handoff.HandOffAsync(command, UserId.ToString());
        return new CommandAccepted(command.CommandId, CommandState.Pending);
    }

    private static int AgeOn(DateOnly today, DateOnly birth) =>
        today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
}
