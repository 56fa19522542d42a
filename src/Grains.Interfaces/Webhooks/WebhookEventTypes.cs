namespace GxProtocol.Grains.Interfaces.Webhooks;

/// <summary>The events an endpoint can subscribe to, as they appear in X-GX-Event and in the body's "type".</summary>
public static class WebhookEventTypes
{
    /// <summary>An administrator approved a user and the ledger created their wallet (UserCreated).</summary>
    public const string UserApproved = "user.approved";

    public const string WalletFrozen = "wallet.frozen";

    /// <summary>The outbox gave up on a command after its retries; an operator has to retry or cancel it.</summary>
    public const string OutboxDeadLettered = "outbox.dead_lettered";

    public const string ProposalExecuted = "proposal.executed";

    /// <summary>A transfer at or above Gx:Webhooks:LargeTransferThresholdCoins committed on the ledger.</summary>
    public const string LargeTransferCommitted = "transfer.large_committed";

    public static readonly IReadOnlyList<string> All = [UserApproved, WalletFrozen, OutboxDeadLettered, ProposalExecuted, LargeTransferCommitted];
}
