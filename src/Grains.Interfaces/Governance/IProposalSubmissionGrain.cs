namespace GxProtocol.Grains.Interfaces.Governance;

/// <summary>
/// Where proposals are submitted: checks the parameter and its range, derives the proposal id from the command id
/// as the chaincode will, and hands the submission to that proposal's grain. Stateless.
/// </summary>
[Alias("gx.IProposalSubmissionGrain")]
public interface IProposalSubmissionGrain : IGrainWithIntegerKey
{
    [Alias("Submit")] Task<ProposalAccepted> SubmitAsync(ProposalSubmission submission);
}
