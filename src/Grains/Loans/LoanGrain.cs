using GxProtocol.Contract;
using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Loans;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;
using LoanPool = GxProtocol.Contract.GxChaincode.LoanPool;

namespace GxProtocol.Grains.Loans;

/// <summary>
/// One loan: PENDING_ONCHAIN -> PENDING_APPROVAL -> ACTIVE -> REPAID, or REJECTED (FAILED when the ledger refuses
/// the application). Pre-checks answer 4xx without the ledger; the borrower's limits and repayment holds live on
/// the borrower's user grain, which this grain calls and which never calls back.
/// </summary>
[ImplicitChannelSubscription(LedgerChannels.Loans)]
public sealed class LoanGrain(
    [PersistentState("loan", GxStorage.Name)] IPersistentState<LoanState> state,
    CommandHandoff handoff,
    TimeProvider clock,
    ILogger<LoanGrain> logger) : Grain, ILoanGrain, IOnBroadcastChannelSubscribed
{
    private LoanState State => state.State;
    private string Key => this.GetPrimaryKeyString();
    private Guid LoanId => Guid.Parse(Key);
    private IUserGrain Borrower => GrainFactory.GetGrain<IUserGrain>(State.BorrowerId);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => handoff.HandOffAllAsync(State.Log.Pending.Values, Key);

    public Task OnSubscribed(IBroadcastChannelSubscription subscription) => subscription.Attach<LedgerEventBatch>(batch => LedgerEventBatches.ApplyAsync(batch, ApplyLedgerEvent, state.WriteStateAsync));

    public Task<LoanView?> GetAsync() => Task.FromResult(LoanLedgerEvents.View(State, LoanId));

    public async Task<CommandAccepted> ApplyAsync(LoanApplication application)
    {
        if (await handoff.RepeatedAsync(State.Log, application.CommandId, Key) is { } repeat)
        {
            return repeat;
        }
        if (GxIds.ForRequest(application.CommandId, GxIds.Loan) != LoanId)
        {
            throw new ArgumentException("A loan's id derives from the command that applies for it.", nameof(application));
        }
        if (State.Status is not null)
        {
            throw DomainRuleException.Conflict("loan_exists", "This loan already exists.");
        }
        var maxTerm = (int)await GrainFactory.CurrentParameterAsync(GxParameters.MaxLoanDurationDays);
        if (application.TermDays is < 1 || application.TermDays > maxTerm)
        {
            throw DomainRuleException.Invalid("termDays", $"must be between 1 and {maxTerm} days (maxLoanDurationDays).");
        }
        if (application.CollateralHash is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigit))
        {
            throw DomainRuleException.Invalid("collateralHash", "must be 64 hexadecimal digits (a SHA-256 digest).");
        }
        var borrower = GrainFactory.GetGrain<IUserGrain>(application.BorrowerId);
        // Checks amount, trust score and the borrower's limits, and counts this application as open at once.
        var trustScore = await borrower.ReserveLoanAsync(LoanId, application.AmountQirat);

        State.Status = LoanStatuses.PendingOnchain;
        State.BorrowerId = application.BorrowerId;
        State.Amount = State.AmountDue = application.AmountQirat;
        State.CollateralHash = application.CollateralHash.ToLowerInvariant();
        State.TermDays = application.TermDays;
        State.TrustScore = trustScore;
        State.AppliedAt = clock.GetUtcNow();
        var command = NewCommand(application.CommandId, LoanPool.ApplyForLoan, application.BorrowerId, new ApplyForLoanArgs(
            application.BorrowerId.ToString(), application.AmountQirat, State.CollateralHash, trustScore, application.TermDays,
            application.CommandId.ToString()).ToArguments());
        return await AcceptOrUndoAsync(command, () => borrower.ReleaseLoanAsync(LoanId));
    }

    public async Task<CommandAccepted> ApproveAsync(Guid adminId, Guid commandId)
    {
        if (await handoff.RepeatedAsync(State.Log, commandId, Key) is { } repeat)
        {
            return repeat;
        }
        RequireAwaitingDecision();
        if (adminId == State.BorrowerId)
        {
            // Separation of duties: the chaincode sees only the backend's identity, so this grain is the one place to refuse it.
            throw new DomainRuleException(RuleViolationKind.Forbidden, "self_approval", "An admin cannot approve their own loan; another admin must decide.");
        }
        await RequireNotPausedAsync();
        if ((await Borrower.GetWalletAsync()).Frozen)
        {
            throw DomainRuleException.Unprocessable("wallet_frozen", "The borrower's wallet is frozen; the loan cannot be disbursed.");
        }
        return await handoff.AcceptAsync(State.Log, NewCommand(commandId, LoanPool.ApproveLoan, adminId, new ApproveLoanArgs(Key).ToArguments()), Key, state.WriteStateAsync);
    }

    public async Task<CommandAccepted> RejectAsync(Guid adminId, Guid commandId, string reason)
    {
        if (await handoff.RepeatedAsync(State.Log, commandId, Key) is { } repeat)
        {
            return repeat;
        }
        RequireAwaitingDecision();
        return await handoff.AcceptAsync(State.Log, NewCommand(commandId, LoanPool.RejectLoan, adminId, new RejectLoanArgs(Key, reason).ToArguments()), Key, state.WriteStateAsync);
    }

    public async Task<CommandAccepted> RepayAsync(Guid borrowerId, Guid commandId, long amountQirat)
    {
        if (State.Status is null || State.BorrowerId != borrowerId)
        {
            throw DomainRuleException.NotFound("Loan");
        }
        if (await handoff.RepeatedAsync(State.Log, commandId, Key) is { } repeat)
        {
            return repeat;
        }
        if (State.Status != GxStatuses.LoanActive)
        {
            throw DomainRuleException.Conflict("loan_not_active", $"Only an ACTIVE loan can be repaid; this loan is {State.Status}.");
        }
        var open = State.Remaining - LoanLedgerEvents.View(State, LoanId)!.PendingRepayments;
        if (amountQirat > open)
        {
            throw DomainRuleException.Invalid("amount", $"exceeds what remains to be repaid: {open} Qirat (after repayments still on their way to the ledger).");
        }
        await RequireNotPausedAsync();
        await Borrower.HoldRepaymentAsync(LoanId, commandId, amountQirat);
        var command = NewCommand(commandId, LoanPool.RepayLoan, borrowerId, new RepayLoanArgs(Key, amountQirat, commandId.ToString()).ToArguments());
        return await AcceptOrUndoAsync(command, () => Borrower.ReleaseRepaymentAsync(commandId));
    }

    /// <summary>Written with the next event; after a restart the hand-off of the still pending command reports it again.</summary>
    public Task OnCommandCommittedAsync(Guid commandId, ulong blockNumber)
    {
        State.Log.Committed(commandId, blockNumber, State.LastApplied);
        return Task.CompletedTask;
    }

    public async Task OnCommandFailedAsync(Guid commandId, string code, string message)
    {
        if (!State.Log.Pending.TryGetValue(commandId, out var command))
        {
            return;
        }
        // Release on the borrower first (both releases are idempotent): if that call fails, the command stays pending
        // here, the outbox reports the refusal again, and nothing stays held for good.
        if (command.TransactionName == LoanPool.ApplyForLoan)
        {
            await Borrower.ReleaseLoanAsync(LoanId);
            State.Status = LoanStatuses.Failed;
            State.Reason = message;
        }
        else if (command.TransactionName == LoanPool.RepayLoan)
        {
            await Borrower.ReleaseRepaymentAsync(commandId);
        }
        State.Log.Finish(commandId);
        await state.WriteStateAsync();
    }

    private void RequireAwaitingDecision()
    {
        if (State.Status is null)
        {
            throw DomainRuleException.NotFound("Loan");
        }
        // An application not yet on chain may be decided too: the outbox submits this loan's commands one at a time in
        // the order accepted, so the decision reaches the ledger after the application (and fails if the application did).
        var awaiting = State.Status is GxStatuses.LoanPendingApproval or LoanStatuses.PendingOnchain;
        if (!awaiting || State.Log.IsPending(LoanPool.ApproveLoan) || State.Log.IsPending(LoanPool.RejectLoan))
        {
            throw DomainRuleException.Conflict("loan_not_pending_approval",
                $"Only a loan PENDING_APPROVAL without a decision under way can be approved or rejected; this loan is {State.Status}.");
        }
    }

    private async Task RequireNotPausedAsync()
    {
        if ((await GrainFactory.GetGrain<ISystemGrain>(ISystemGrain.Key).GetStatusAsync()).Paused)
        {
            throw DomainRuleException.Conflict("system_paused", "The system is paused; loans cannot be disbursed or repaid until it resumes.");
        }
    }

    private LedgerCommand NewCommand(Guid commandId, string transactionName, Guid owner, string[] arguments) =>
        new(commandId, transactionName, arguments, this.GetGrainId(), owner, clock.GetUtcNow());

    /// <summary>
    /// Records the command with the state and hands it off. If the state cannot be written, what the borrower's grain
    /// already reserved or held is released and the grain reloads its stored state on the next call.
    /// </summary>
    private async Task<CommandAccepted> AcceptOrUndoAsync(LedgerCommand command, Func<Task> undo)
    {
        State.Log.Pending[command.CommandId] = command;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            await undo();
            throw;
        }
        await handoff.HandOffAsync(command, Key);
        return new CommandAccepted(command.CommandId, CommandState.Pending);
    }

    private bool ApplyLedgerEvent(LedgerEventEnvelope ledgerEvent)
    {
        if (!LedgerEventApplication.Apply(State.LastApplied, ledgerEvent, () => LoanLedgerEvents.Apply(State, ledgerEvent), logger))
        {
            return false;
        }
        State.LastApplied = ledgerEvent.Position;
        State.Log.SettleCommitted(ledgerEvent.Position);
        return true;
    }
}
