namespace GxProtocol.Contract;

/// <summary>A proposal's result: <see cref="Reason"/> says why it passed or failed.</summary>
public sealed record ProposalOutcome(bool Passed, string Reason);

public static partial class GxRules
{
    /// <summary>A proposal passes with at least this share of FOR among FOR + AGAINST.</summary>
    public const int PassThresholdPercent = 60;

    /// <summary>
    /// Quorum counts every vote cast (abstentions included, since they show participation); the 60% threshold
    /// counts only FOR and AGAINST, compared in integers so 60% exactly passes.
    /// </summary>
    public static ProposalOutcome EvaluateProposal(long votesFor, long votesAgainst, long votesAbstain, long minQuorum)
    {
        var total = votesFor + votesAgainst + votesAbstain;
        if (total < minQuorum)
        {
            return new(false, $"Quorum not reached: {total} votes, {minQuorum} needed.");
        }

        var decisive = votesFor + votesAgainst;
        if (decisive == 0 || votesFor * 100 < PassThresholdPercent * decisive)
        {
            return new(false, $"Threshold not reached: {votesFor} FOR of {decisive} FOR+AGAINST, {PassThresholdPercent}% needed.");
        }

        return new(true, $"Passed: {votesFor} FOR of {decisive} FOR+AGAINST with {total} votes cast.");
    }
}
