namespace GxProtocol.Grains.Interfaces.Notifications;

/// <summary>What a notification is about.</summary>
public static class NotificationKinds
{
    public const string CoinsReceived = "COINS_RECEIVED";
    public const string CoinsSent = "COINS_SENT";
    public const string GenesisCredited = "GENESIS_CREDITED";
    public const string LoanApproved = "LOAN_APPROVED";
    public const string LoanRejected = "LOAN_REJECTED";
    public const string LoanRepaid = "LOAN_REPAID";
    public const string ProposalExecuted = "PROPOSAL_EXECUTED";
    public const string RelationshipInvited = "RELATIONSHIP_INVITED";
    public const string RelationshipConfirmed = "RELATIONSHIP_CONFIRMED";
    public const string RelationshipRejected = "RELATIONSHIP_REJECTED";
    public const string MultiSigApprovalRequested = "MULTISIG_APPROVAL_REQUESTED";
    public const string WalletFrozen = "WALLET_FROZEN";
    public const string WalletUnfrozen = "WALLET_UNFROZEN";
}

/// <summary>The read states an inbox filters on.</summary>
public static class NotificationStatuses
{
    public const string Unread = "UNREAD";
    public const string Read = "READ";

    public static IReadOnlyList<string> All { get; } = [Unread, Read];
}
