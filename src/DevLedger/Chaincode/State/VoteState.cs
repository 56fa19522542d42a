namespace GxProtocol.DevLedger.Chaincode.State;

/// <summary>One identity's vote on one proposal (its key makes a second vote detectable).</summary>
internal sealed record VoteState(string ProposalId, string VoterId, string Vote, DateTimeOffset CastAt);
