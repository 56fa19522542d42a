using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Governance;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Governance;

/// <summary>
/// Checks a proposal against the governable parameters and their ranges (the chaincode's own rule), then gives it the
/// id the chaincode will derive from the command id, so the proposal's grain exists before the ledger commits.
/// </summary>
[StatelessWorker]
public sealed class ProposalSubmissionGrain : Grain, IProposalSubmissionGrain
{
    public async Task<ProposalAccepted> SubmitAsync(ProposalSubmission submission)
    {
        if (!GxParameters.IsKnown(submission.TargetParameter))
        {
            throw DomainRuleException.Invalid("targetParameter",
                $"'{submission.TargetParameter}' is not a governable parameter; known: {string.Join(", ", GxParameters.Names)}.");
        }
        if (GxParameters.Validate(submission.TargetParameter, submission.ProposedValue) is { } violation)
        {
            throw DomainRuleException.Invalid("proposedValue", violation.Message);
        }
        var proposalId = GxIds.ForRequest(submission.CommandId, GxIds.Proposal);
        var accepted = await GrainFactory.GetGrain<IProposalGrain>(IProposalGrain.KeyFor(proposalId)).SubmitAsync(submission);
        return new ProposalAccepted(proposalId, accepted);
    }
}
