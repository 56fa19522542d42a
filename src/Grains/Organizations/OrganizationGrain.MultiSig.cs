using GxProtocol.Contract;
using GxProtocol.Fabric;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Organizations;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.Extensions.Logging;
using Organization = GxProtocol.Contract.GxChaincode.Organization;

namespace GxProtocol.Grains.Organizations;

/// <summary>
/// Multi-signature transfers. A transfer below the rule's threshold (or under a one-approval rule) executes with its
/// initiation; the others wait for approvals. Whatever is expected to execute holds amount + fee from the wallet.
/// </summary>
public sealed partial class OrganizationGrain
{
    /// <summary>Keeps the state bounded: an organization cannot pile up unapproved transfers without limit.</summary>
    public const int MaxPendingTxs = 100;

    public async Task<MultiSigTxAccepted> InitiateTransferAsync(MultiSigTransferRequest transfer)
    {
        var pendingTxId = GxIds.ForRequest(transfer.CommandId, GxIds.MultiSigTx);
        if (await handoff.RepeatedAsync(State.Log, transfer.CommandId, OrgId) is { } repeat)
        {
            return new(repeat, pendingTxId);
        }

        RequireStakeholder(transfer.InitiatorId);
        RequireActive();
        var rule = ExpectedRule() ?? throw DomainRuleException.Conflict("no_auth_rule", "The organization has no authorization rule yet; define one first.");
        if (!rule.ApproverIds.Contains(transfer.InitiatorId))
        {
            throw new DomainRuleException(RuleViolationKind.Forbidden, "not_an_approver", "Only an approver of the organization's rule can initiate a transfer.");
        }
        await RequireRoomForPendingAsync();
        var recipient = await GrainFactory.GetGrain<IUserGrain>(transfer.ToUserId).GetProfileAsync()
            ?? throw new DomainRuleException(RuleViolationKind.NotFound, "recipient_not_found", "toUserId: the recipient does not exist.", "toUserId");
        if (recipient.Status is not (UserStatus.Active or UserStatus.Frozen))
        {
            throw DomainRuleException.Unprocessable("recipient_not_active", "The recipient's wallet is not active on the ledger.", "toUserId");
        }
        await RequireNotPausedAsync();
        var required = GxRules.MultiSigApprovalsNeeded(transfer.Amount, rule.AmountThreshold, rule.RequiredApprovals);
        var hold = required <= 1 ? await RequireFundsAsync(transfer.Amount, recipient.NationalityCountryCode) : 0;

        // The pointer first: an approval that finds it but no pending transfer here answers not-found, never the reverse.
        await GrainFactory.GetGrain<IMultiSigTxGrain>(pendingTxId).RecordOrganizationAsync(OrgId);
        State.PendingTxs[pendingTxId] = new PendingMultiSigTx
        {
            CommandId = transfer.CommandId,
            InitiatorId = transfer.InitiatorId,
            ToUserId = transfer.ToUserId,
            Amount = transfer.Amount,
            Remark = transfer.Remark,
            RequiredApprovals = required,
            ApproverIds = rule.ApproverIds.ToList(),
            Approvals = [transfer.InitiatorId],
            InitiatedAt = clock.GetUtcNow(),
        };
        if (hold > 0)
        {
            State.Holds[transfer.CommandId] = hold;
        }

        var accepted = await AcceptAsync(transfer.CommandId, transfer.InitiatorId, Organization.InitiateMultiSigTx,
            new InitiateMultiSigTxArgs(
                OrgId, transfer.InitiatorId.ToString(), transfer.ToUserId.ToString(), transfer.Amount, transfer.Remark, transfer.CommandId.ToString()).ToArguments());
        return new MultiSigTxAccepted(accepted, pendingTxId);
    }

    public async Task<IReadOnlyList<MultiSigTxView>> GetPendingTransfersAsync(Guid callerId)
    {
        RequireStakeholder(callerId);
        var expiry = await PendingExpiryAsync();
        var now = clock.GetUtcNow();
        return State.PendingTxs
            .Where(p => p.Value.NeedsMoreApprovals && !CancelIsPending(p.Key) && p.Value.InitiatedAt + expiry > now)
            .OrderBy(p => p.Value.InitiatedAt)
            .Select(p => new MultiSigTxView(p.Key, p.Value.InitiatorId, p.Value.ToUserId, p.Value.Amount, p.Value.Remark,
                p.Value.RequiredApprovals, ExpectedApprovals(p.Key, p.Value).ToList(), p.Value.OnChain, p.Value.InitiatedAt,
                p.Value.ProposedRule, p.Value.InitiatedAt + expiry))
            .ToList();
    }

    public async Task<CommandAccepted> CancelTransferAsync(Guid pendingTxId, Guid callerId, Guid commandId)
    {
        if (await handoff.RepeatedAsync(State.Log, commandId, OrgId) is { } repeat)
        {
            return repeat;
        }

        RequireStakeholder(callerId);
        if (!State.PendingTxs.TryGetValue(pendingTxId, out var tx) || !tx.NeedsMoreApprovals || CancelIsPending(pendingTxId))
        {
            throw DomainRuleException.NotFound("Pending transaction");
        }
        if (tx.InitiatorId != callerId && !tx.ApproverIds.Contains(callerId))
        {
            throw new DomainRuleException(RuleViolationKind.Forbidden, "not_an_approver", "Only the initiator or an approver can cancel this transaction.");
        }
        if (ExpectedApprovals(pendingTxId, tx).Count() >= tx.RequiredApprovals)
        {
            throw DomainRuleException.Conflict("already_approved", "This transaction already has the approvals it needs; it executes when they commit.");
        }
        return await AcceptAsync(commandId, callerId, Organization.CancelMultiSigTx, new CancelMultiSigTxArgs(pendingTxId.ToString(), callerId.ToString()).ToArguments());
    }

    /// <summary>A change of a rule that needs several approvals waits, like a transfer, for the approvals of the current rule.</summary>
    private async Task<CommandAccepted> ProposeRuleChangeAsync(AuthRuleDefinition rule, AuthRuleView current, AuthRuleView proposed, string[] arguments)
    {
        await RequireRoomForPendingAsync();
        var pendingTxId = GxIds.ForRequest(rule.CommandId, GxIds.MultiSigTx);
        await GrainFactory.GetGrain<IMultiSigTxGrain>(pendingTxId).RecordOrganizationAsync(OrgId);
        State.PendingTxs[pendingTxId] = new PendingMultiSigTx
        {
            CommandId = rule.CommandId,
            InitiatorId = rule.CallerId,
            RequiredApprovals = current.RequiredApprovals,
            ApproverIds = current.ApproverIds.ToList(),
            Approvals = [rule.CallerId],
            InitiatedAt = clock.GetUtcNow(),
            ProposedRule = proposed,
        };
        return await AcceptAsync(rule.CommandId, rule.CallerId, Organization.DefineAuthRule, arguments);
    }

    /// <summary>
    /// Forgets expired transactions nothing is in flight for (they can never execute), then refuses a new one past the
    /// limit: expiry is what keeps one approver from locking the organization with unapproved initiations.
    /// </summary>
    private async Task RequireRoomForPendingAsync()
    {
        var expiry = await PendingExpiryAsync();
        var now = clock.GetUtcNow();
        var inFlight = State.Log.Pending.Values.SelectMany(c => c.Arguments).ToHashSet();
        foreach (var (id, tx) in State.PendingTxs.Where(p => p.Value.OnChain && p.Value.InitiatedAt + expiry <= now && !inFlight.Contains(p.Key.ToString())).ToList())
        {
            State.PendingTxs.Remove(id);
        }
        if (State.PendingTxs.Count >= MaxPendingTxs)
        {
            throw DomainRuleException.Conflict("too_many_pending", $"The organization already has {MaxPendingTxs} transactions waiting for approval.");
        }
    }

    private async Task<TimeSpan> PendingExpiryAsync() =>
        TimeSpan.FromDays(await GrainFactory.CurrentParameterAsync(GxParameters.MultiSigExpiryDays));

    private bool CancelIsPending(Guid pendingTxId) =>
        State.Log.Pending.Values.Any(c => c.TransactionName == Organization.CancelMultiSigTx && CancelMultiSigTxArgs.FromStored(c.Arguments).PendingTxId == pendingTxId.ToString());

    public async Task<CommandAccepted> ApproveTransferAsync(Guid pendingTxId, Guid approverId, Guid commandId)
    {
        if (await handoff.RepeatedAsync(State.Log, commandId, OrgId) is { } repeat)
        {
            return repeat;
        }

        RequireStakeholder(approverId);
        if (!State.PendingTxs.TryGetValue(pendingTxId, out var tx) || !tx.NeedsMoreApprovals || CancelIsPending(pendingTxId))
        {
            throw DomainRuleException.NotFound("Pending transaction");
        }
        if (tx.InitiatedAt + await PendingExpiryAsync() <= clock.GetUtcNow())
        {
            throw DomainRuleException.Conflict("expired", "This transaction waited too long for approvals and can no longer execute; cancel it.");
        }
        if (!tx.ApproverIds.Contains(approverId))
        {
            throw new DomainRuleException(RuleViolationKind.Forbidden, "not_an_approver", "Only an approver of this transaction's rule can approve it.");
        }
        var approvals = ExpectedApprovals(pendingTxId, tx).ToList();
        if (approvals.Contains(approverId))
        {
            throw DomainRuleException.Conflict("already_approved", "You have already approved this transaction.");
        }
        if (approvals.Count >= tx.RequiredApprovals)
        {
            throw DomainRuleException.Conflict("already_approved", "This transaction already has the approvals it needs; it executes when they commit.");
        }
        await RequireNotPausedAsync();
        long hold = 0;
        if (tx.ProposedRule is null && approvals.Count + 1 >= tx.RequiredApprovals)
        {
            var recipient = await GrainFactory.GetGrain<IUserGrain>(tx.ToUserId).GetProfileAsync();
            hold = await RequireFundsAsync(tx.Amount, recipient?.NationalityCountryCode ?? "");
        }
        if (hold > 0)
        {
            State.Holds[commandId] = hold;
        }

        return await AcceptAsync(commandId, approverId, Organization.ApproveMultiSigTx, new ApproveMultiSigTxArgs(pendingTxId.ToString(), approverId.ToString()).ToArguments());
    }

    private IEnumerable<Guid> ExpectedApprovals(Guid pendingTxId, PendingMultiSigTx tx)
    {
        var id = pendingTxId.ToString();
        return tx.Approvals.Concat(State.Log.Pending.Values
                .Where(c => c.TransactionName == Organization.ApproveMultiSigTx)
                .Select(c => ApproveMultiSigTxArgs.FromStored(c.Arguments))
                .Where(approval => approval.PendingTxId == id)
                .Select(approval => Guid.Parse(approval.ApproverId)))
            .Distinct();
    }

    private async Task RequireNotPausedAsync()
    {
        if ((await GrainFactory.GetGrain<ISystemGrain>(ISystemGrain.Key).GetStatusAsync()).Paused)
        {
            throw DomainRuleException.Conflict("system_paused", "The system is paused; transfers are refused until it resumes.");
        }
    }

    /// <summary>
    /// Checks the wallet can pay amount + fee after what accepted transfers hold; returns that sum (the hold). The
    /// organization pays the whole fee. Unchecked when the ledger cannot be asked: the chaincode decides then.
    /// </summary>
    private async Task<long> RequireFundsAsync(long amount, string recipientCountry)
    {
        var sameCountry = string.Equals(State.Country, recipientCountry, StringComparison.OrdinalIgnoreCase);
        var feeBps = await GrainFactory.CurrentParameterAsync(GxParameters.TransactionFeeBps);
        var needed = amount + GxRules.QuoteTransferFee(amount, sameCountry, TransferKind.Organization, (int)feeBps).FeeFromSender;
        if (await LedgerBalanceAsync() is { } balance && needed > balance - State.Holds.Values.Sum())
        {
            throw DomainRuleException.Unprocessable("insufficient_funds",
                $"The transfer needs {needed} Qirat including the fee; the organization has {balance - State.Holds.Values.Sum()} Qirat available.", "amount");
        }
        return needed;
    }

    /// <summary>
    /// The wallet's balance as the ledger holds it now. Asked rather than tracked because transfers INTO the wallet
    /// name it only as a recipient, and such events are not routed to the organization's channel.
    /// </summary>
    private async Task<long?> LedgerBalanceAsync()
    {
        try
        {
            var answer = await ledger.EvaluateAsync(GxChaincode.Tokenomics.GetBalance, new GetBalanceArgs(OrgId).ToArguments());
            return LedgerEventJson.Deserialize<BalanceQueryResult>(answer).Balance;
        }
        catch (Exception failure) when (failure is LedgerException or global::System.Text.Json.JsonException)
        {
            logger.LogWarning("Could not read the balance of organization {OrgId} from the ledger: {Reason}", OrgId, failure.Message);
            return null;
        }
    }
}
