using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Interfaces.Governance;

/// <summary>
/// A governance proposal to change one system parameter: its tallies, its voters (one vote per identity), its status,
/// and the reminder that executes it when the voting window ends. Keyed by the proposal id the chaincode derives from
/// the submitting command's id, so it exists before the ledger commits. String-keyed (<see cref="KeyFor"/>) because the
/// ledger listener routes proposal events by the proposal id as the chaincode writes it.
/// </summary>
[Alias("gx.IProposalGrain")]
public interface IProposalGrain : IGrainWithStringKey, ICommandOrigin
{
    /// <summary>The grain key of a proposal: its id as the chaincode spells it.</summary>
    public static string KeyFor(Guid proposalId) => proposalId.ToString("D");

    /// <summary>Records the submission and hands SubmitProposal to the outbox; use <see cref="IProposalSubmissionGrain"/>, which derives the key.</summary>
    [Alias("Submit")] Task<CommandAccepted> SubmitAsync(ProposalSubmission submission);

    /// <summary>404 when no proposal has this id.</summary>
    [Alias("Get")] Task<ProposalView> GetAsync();

    /// <summary>A vote within the window by an identity with a trust score of at least 50 that has not voted yet.</summary>
    [Alias("Vote")] Task<CommandAccepted> VoteAsync(ProposalVote vote);

    /// <summary>An admin executes (or fails) the proposal once its window has ended; the reminder does the same on its own.</summary>
    [Alias("Execute")] Task<CommandAccepted> ExecuteAsync(Guid adminId, Guid commandId);
}
