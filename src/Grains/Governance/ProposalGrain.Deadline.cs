using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Governance;
using Microsoft.Extensions.Logging;
using GovernanceFunctions = GxProtocol.Contract.GxChaincode.Governance;

namespace GxProtocol.Grains.Governance;

/// <summary>
/// The deadline reminder: due when the voting window ends, it executes the proposal. Every tick is safe to repeat: a
/// closed proposal drops the reminder, an execution already on its way is handed off again rather than issued twice,
/// and one the ledger refused (a clock a little behind the deadline) is tried again at the next tick.
/// </summary>
public sealed partial class ProposalGrain
{
    public const string DeadlineReminder = "voting-deadline";

    /// <summary>Reminder periods are at least a minute; an hour leaves the ledger time to answer before a retry.</summary>
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromHours(1);

    /// <summary>Timers underneath reminders cannot wait ~49 days; a longer window is reached in several steps.</summary>
    private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(30);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminder)
        {
            return;
        }
        if (State.Status is GxStatuses.ProposalExecuted or GxStatuses.ProposalFailed or ProposalView.Rejected)
        {
            await CancelDeadlineAsync();
            return;
        }
        if (State.Status != GxStatuses.ProposalActive || State.VotingEndsAt is not { } endsAt)
        {
            return;
        }
        if (clock.GetUtcNow() < endsAt)
        {
            await ScheduleDeadlineAsync();
            return;
        }
        if (State.Log.Pending.Values.FirstOrDefault(c => c.TransactionName == GovernanceFunctions.ExecuteProposal) is { } pending)
        {
            await handoff.HandOffAsync(pending, Key);
            return;
        }
        State.AutomaticExecutions++;
        // Derived, not random: a command id names this proposal's n-th automatic attempt wherever it is looked up.
        var commandId = GxIds.ForRequest(ProposalId, $"execute-{State.AutomaticExecutions}");
        logger.LogInformation("Voting on proposal {ProposalId} ended at {EndsAt:O}; executing it (command {CommandId})", ProposalId, endsAt, commandId);
        await AcceptAsync(commandId, GovernanceFunctions.ExecuteProposal, null, new ExecuteProposalArgs(Key).ToArguments());
    }

    private Task ScheduleDeadlineAsync()
    {
        var due = (State.VotingEndsAt ?? clock.GetUtcNow()) - clock.GetUtcNow();
        due = due < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : due > LongestDelay ? LongestDelay : due;
        return this.RegisterOrUpdateReminder(DeadlineReminder, due, RetryPeriod);
    }

    private async Task CancelDeadlineAsync()
    {
        if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
