using System.Globalization;
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

/// <summary>
/// A person and their wallet. A command's row in the outbox records it with its hold: accepting a transfer writes that
/// one row and no grain state, and an activation rebuilds the commands in flight from the rows. The balance changes
/// only when the ledger's events arrive, each applied once by position.
/// </summary>
[ImplicitChannelSubscription(LedgerChannels.Users)]
public sealed partial class UserGrain(
    [PersistentState("user", GxStorage.Name)] IPersistentState<UserState> state,
    CommandHandoff handoff,
    TimeProvider clock,
    ILogger<UserGrain> logger) : Grain, IUserGrain, IOnBroadcastChannelSubscribed
{
    /// <summary>This user's commands in flight, rebuilt from their outbox rows on activation.</summary>
    private readonly CommandLog _commands = new();

    private UserState State => state.State;
    private Guid UserId => this.GetPrimaryKey();
    private UserProfile Profile => State.Profile ?? throw DomainRuleException.NotFound("User");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.TakeLegacyCommands() is { Count: > 0 } legacy)
        {
            await handoff.HandOffAllAsync(legacy.Select(c => c with { Origin = this.GetGrainId() }), UserId.ToString());
            await state.WriteStateAsync();
        }
        foreach (var command in await handoff.UnfinishedAsync(this.GetGrainId()))
        {
            _commands.Pending[command.CommandId] = command;
        }
    }

    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<LedgerEventBatch>(batch => LedgerEventBatches.ApplyAsync(batch, ApplyLedgerEvent, state.WriteStateAsync));

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
        await RequireVerifiedEmailAsync();
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
        // The approved evidence's hash goes on chain with the registration: the ledger then records what was approved.
        var arguments = new CreateUserArgs(UserId.ToString(), Profile.NationalityCountryCode, age, State.Kyc.Evidence?.EvidenceHash);
        var command = NewCommand(commandId, GxChaincode.Identity.CreateUser, arguments.ToArguments());
        State.Profile = Profile with { Status = UserStatus.ApprovedPendingOnchain };
        State.Kyc = State.Kyc with { Status = "APPROVED", ReviewedAt = clock.GetUtcNow(), ReviewNote = $"approved by {adminId}" };
        // The approval is also a change of this grain's state: both writes side by side.
        var accepted = AcceptAsync(command);
        await Task.WhenAll(accepted, state.WriteStateAsync());
        return await accepted;
    }

    public async Task<UserProfile> DenyAsync(string reason)
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
        : Task.FromResult(new WalletView(UserId, State.Balance, Held, State.Frozen));

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
        var available = State.Balance - Held;
        if (hold > available)
        {
            throw DomainRuleException.Unprocessable("insufficient_funds",
                $"The transfer needs {hold} Qirat including the sender's fee; {available} Qirat are available.", "amount");
        }
        var arguments = new TransferWithFeesArgs(UserId.ToString(), recipient.Account, transfer.AmountQirat, transfer.Remark, transfer.CommandId.ToString());
        var command = NewCommand(transfer.CommandId, GxChaincode.Tokenomics.TransferWithFees, arguments.ToArguments(), hold);
        return await AcceptAsync(command);
    }

    public async Task OnCommandFailedAsync(Guid commandId, string code, string message)
    {
        if (_commands.Finish(commandId) is not { } command)
        {
            return;
        }
        if (command.TransactionName == GxChaincode.Identity.CreateUser && Profile.Status == UserStatus.ApprovedPendingOnchain)
        {
            // The ledger refused to register the user; approval can be tried again once the cause is fixed.
            State.Profile = Profile with { Status = UserStatus.PendingAdminApproval };
            await state.WriteStateAsync();
        }
    }

    public Task OnCommandCommittedAsync(Guid commandId, ulong blockNumber)
    {
        _commands.Committed(commandId, blockNumber, State.LastApplied);
        return Task.CompletedTask;
    }

    /// <summary>What this user's commands in flight and loan repayments hold, in Qirat.</summary>
    private long Held => _commands.Held + State.Holds.Values.Sum();

    private bool ApplyLedgerEvent(LedgerEventEnvelope ledgerEvent)
    {
        if (State.Profile is null
            || !LedgerEventApplication.Apply(State.LastApplied, ledgerEvent, () =>
            {
                UserLedgerEvents.Apply(State, _commands, UserId, ledgerEvent);
                State.Loans.Apply(State, UserId, ledgerEvent);
            }, logger))
        {
            return false;
        }
        State.LastApplied = ledgerEvent.Position;
        _commands.SettleCommitted(ledgerEvent.Position);
        return true;
    }

    /// <summary>A command id seen before answers with that command's status instead of being accepted again.</summary>
    private Task<CommandAccepted?> AlreadyAcceptedAsync(Guid commandId) => handoff.RepeatedAsync(_commands, commandId, UserId.ToString());

    private LedgerCommand NewCommand(Guid commandId, string transactionName, string[] arguments, long hold = 0) =>
        new(commandId, transactionName, arguments, this.GetGrainId(), UserId, clock.GetUtcNow(), hold);

    /// <summary>Storing the command's outbox row is the one durable write; the command joins those in flight once it is stored.</summary>
    private async Task<CommandAccepted> AcceptAsync(LedgerCommand command)
    {
        var status = await handoff.HandOffAsync(command, UserId.ToString());
        if (!status.IsFinished)
        {
            _commands.Pending[command.CommandId] = command;
        }
        return new CommandAccepted(command.CommandId, status.State);
    }

    private static int AgeOn(DateOnly today, DateOnly birth) =>
        today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
}
