using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Organizations;

namespace GxProtocol.Grains.Organizations;

/// <summary>
/// One organization. Fields named after the ledger (<see cref="EndorsedBy"/>, <see cref="Rule"/>, <see cref="Balance"/>)
/// hold what the ledger's events said; what accepted commands will change is read from <see cref="Log"/>,
/// <see cref="PendingRules"/>, <see cref="Holds"/> and the not-yet-on-chain entries of <see cref="PendingTxs"/>.
/// </summary>
[GenerateSerializer, Alias("gx.OrganizationState")]
public sealed class OrganizationState
{
    /// <summary>Empty while the id is free; PENDING_ONCHAIN, PROPOSED or ACTIVE afterwards.</summary>
    [Id(0)] public string Status { get; set; } = "";
    [Id(1)] public string OrgName { get; set; } = "";
    [Id(2)] public string OrgType { get; set; } = "";
    [Id(3)] public Guid ProposerId { get; set; }

    /// <summary>The proposer's nationality: the wallet's country for fee bands.</summary>
    [Id(4)] public string Country { get; set; } = "";
    [Id(5)] public List<Guid> StakeholderIds { get; set; } = [];
    [Id(6)] public List<Guid> EndorsedBy { get; set; } = [];
    [Id(7)] public AuthRuleView? Rule { get; set; }

    /// <summary>Rules accepted but not yet committed, by command id; the newest is the one the ledger will end with.</summary>
    [Id(8)] public Dictionary<Guid, AuthRuleView> PendingRules { get; set; } = [];

    /// <summary>The wallet balance in Qirat as the last routed event reported it.</summary>
    [Id(9)] public long Balance { get; set; }

    /// <summary>What accepted transfers expected to execute will take from the wallet (amount + fee), by command id.</summary>
    [Id(10)] public Dictionary<Guid, long> Holds { get; set; } = [];

    /// <summary>Multi-signature transfers waiting for approvals (or for their initiation to commit), by pending tx id.</summary>
    [Id(11)] public Dictionary<Guid, PendingMultiSigTx> PendingTxs { get; set; } = [];

    [Id(12)] public CommandLog Log { get; set; } = new();
    [Id(13)] public LedgerPosition LastApplied { get; set; } = LedgerPosition.None;

    public bool Exists => Status.Length > 0;

    public bool IsStakeholder(Guid userId) => Exists && StakeholderIds.Contains(userId);

    /// <summary>Forgets the proposal (the ledger refused it), keeping the command log and the event position.</summary>
    public void ForgetProposal()
    {
        Status = OrgName = OrgType = Country = "";
        ProposerId = Guid.Empty;
        StakeholderIds = [];
        EndorsedBy = [];
        Rule = null;
        PendingRules.Clear();
        PendingTxs.Clear();
        Holds.Clear();
    }
}
