using GxProtocol.Grains.Interfaces.Organizations;

namespace GxProtocol.Grains.Organizations;

/// <summary>A multi-signature transfer the organization grain tracks until it executes (or its initiation is refused).</summary>
[GenerateSerializer, Alias("gx.PendingMultiSigTx")]
public sealed class PendingMultiSigTx
{
    /// <summary>The InitiateMultiSigTx command; its id is the request id the pending tx id derives from.</summary>
    [Id(0)] public Guid CommandId { get; set; }
    [Id(1)] public Guid InitiatorId { get; set; }
    [Id(2)] public Guid ToUserId { get; set; }
    [Id(3)] public long Amount { get; set; }
    [Id(4)] public string Remark { get; set; } = "";
    [Id(5)] public int RequiredApprovals { get; set; }

    /// <summary>The approvers of the rule the transfer started under (a later rule does not change them).</summary>
    [Id(6)] public List<Guid> ApproverIds { get; set; } = [];
    [Id(7)] public List<Guid> Approvals { get; set; } = [];
    [Id(8)] public bool OnChain { get; set; }
    [Id(9)] public DateTimeOffset InitiatedAt { get; set; }

    /// <summary>Set when this is a change of the organization's rule rather than a transfer.</summary>
    [Id(10)] public AuthRuleView? ProposedRule { get; set; }

    public bool NeedsMoreApprovals => Approvals.Count < RequiredApprovals;
}
