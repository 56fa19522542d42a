using GxProtocol.Grains.Interfaces.Commands;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Interfaces.Organizations;

/// <summary>
/// An organization keyed by its client-chosen id: membership (proposal, endorsements, activation), its authorization
/// rule and its multi-signature transfers. Every caller id is checked against the stakeholders here, so the frontend
/// only forwards who is asking.
/// </summary>
[Alias("gx.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey, ICommandOrigin
{
    [Alias("Propose")] Task<CommandAccepted> ProposeAsync(OrganizationProposal proposal);

    /// <summary>The organization as a stakeholder or an admin sees it; anyone else gets not-found, as for a missing one.</summary>
    [Alias("Get")] Task<OrganizationView> GetAsync(Guid callerId, bool callerIsAdmin);

    /// <summary>Whether anyone may pay this organization, and its country; null when it does not exist. Reveals no members.</summary>
    [Alias("GetPaymentRecipient"), AlwaysInterleave] Task<PaymentRecipient?> GetPaymentRecipientAsync();

    [Alias("Endorse")] Task<CommandAccepted> EndorseAsync(Guid stakeholderId, Guid commandId);
    [Alias("Activate")] Task<CommandAccepted> ActivateAsync(Guid stakeholderId, Guid commandId);
    [Alias("DefineRule")] Task<CommandAccepted> DefineRuleAsync(AuthRuleDefinition rule);

    /// <summary>Starts a transfer from the organization's wallet; the answer carries the id the chaincode will give it.</summary>
    [Alias("InitiateTransfer")] Task<MultiSigTxAccepted> InitiateTransferAsync(MultiSigTransferRequest transfer);

    [Alias("GetPendingTransfers")] Task<IReadOnlyList<MultiSigTxView>> GetPendingTransfersAsync(Guid callerId);
    [Alias("ApproveTransfer")] Task<CommandAccepted> ApproveTransferAsync(Guid pendingTxId, Guid approverId, Guid commandId);

    /// <summary>The initiator or an approver cancels a pending transfer or rule change (expired or not).</summary>
    [Alias("CancelTransfer")] Task<CommandAccepted> CancelTransferAsync(Guid pendingTxId, Guid callerId, Guid commandId);
}
