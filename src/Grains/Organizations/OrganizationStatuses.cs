namespace GxProtocol.Grains.Organizations;

/// <summary>The organization status the grain shows before the ledger has the proposal (the rest are GxStatuses').</summary>
public static class OrganizationStatuses
{
    public const string PendingOnChain = "PENDING_ONCHAIN";
}
