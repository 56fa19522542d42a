using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

/// <summary>The user's off-chain trust (confirmed relationships) and their side of loans as a borrower.</summary>
public sealed partial class UserGrain
{
    public Task<TrustScoreView> GetTrustScoreAsync() => Task.FromResult(TrustScore.For(UserId, Profile.Status, State.Relationships.Values));

    public Task RecordRelationshipAsync(ConfirmedRelationship relationship) =>
        WriteIfAsync(State.Relationships.TryAdd(relationship.RelationshipId, relationship));

    public async Task<int> ReserveLoanAsync(Guid loanId, long amountQirat)
    {
        var trustScore = TrustScore.For(UserId, Profile.Status, State.Relationships.Values).Score;
        await WriteIfAsync(State.Loans.Reserve(loanId, amountQirat, trustScore));
        return trustScore;
    }

    public Task ReleaseLoanAsync(Guid loanId) => WriteIfAsync(State.Loans.Outstanding.Remove(loanId));

    public Task HoldRepaymentAsync(Guid loanId, Guid commandId, long amountQirat) =>
        WriteIfAsync(State.Loans.HoldRepayment(State, _commands.Held, loanId, commandId, amountQirat));

    public Task ReleaseRepaymentAsync(Guid commandId) => WriteIfAsync(State.Loans.ReleaseRepayment(State, commandId));

    private Task WriteIfAsync(bool changed) => changed ? state.WriteStateAsync() : Task.CompletedTask;
}
