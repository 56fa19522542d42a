using System.Globalization;

namespace GxProtocol.Contract;

// The arguments of GovernanceContract's functions (GxChaincode.Governance), built by the backend, sent as Fabric's
// positional strings (ToArguments) and read by the chaincode (Parse).

/// <summary>The parameter's name and range are checked against <see cref="GxParameters"/> by the chaincode.</summary>
public sealed record SubmitProposalArgs(
    string ProposerId, string Title, string Description, string TargetParameter, long ProposedValue, string? RequestId)
{
    public static SubmitProposalArgs Parse(ContractArgs args)
    {
        args.ExpectCount(5, 6);
        return new SubmitProposalArgs(
            args.Id(0, "proposerId"), args.Text(1, "title", 200, required: true), args.Text(2, "description", 5_000, required: false),
            args.Text(3, "targetParameter", 64, required: true), args.Long(4, "proposedValue", long.MinValue, long.MaxValue),
            args.OptionalId(5, "requestId"));
    }

    public string[] ToArguments() =>
        [ProposerId, Title, Description, TargetParameter, ProposedValue.ToString(CultureInfo.InvariantCulture), RequestId ?? ""];
}

/// <summary>Parse upper-cases the vote and accepts FOR, AGAINST or ABSTAIN.</summary>
public sealed record VoteOnProposalArgs(string ProposalId, string VoterId, string Vote, string? Reason)
{
    public static VoteOnProposalArgs Parse(ContractArgs args)
    {
        args.ExpectCount(3, 4);
        var proposalId = args.Id(0, "proposalId");
        var voterId = args.Id(1, "voterId");
        var vote = args.Text(2, "vote", 10, required: true).ToUpperInvariant();
        if (vote is not (GxStatuses.VoteFor or GxStatuses.VoteAgainst or GxStatuses.VoteAbstain))
        {
            throw new ContractArgumentException($"vote must be FOR, AGAINST or ABSTAIN; got '{vote}'.");
        }
        return new VoteOnProposalArgs(proposalId, voterId, vote, args.Text(3, "reason", 1_000, required: false));
    }

    public string[] ToArguments() => [ProposalId, VoterId, Vote, Reason ?? ""];

    /// <summary>The arguments a backend command stored (written by <see cref="ToArguments"/>), read back without validating them again.</summary>
    public static VoteOnProposalArgs FromStored(IReadOnlyList<string> arguments) =>
        new(arguments[0], arguments[1], arguments[2], arguments.Count > 3 ? arguments[3] : null);
}

public sealed record ExecuteProposalArgs(string ProposalId)
{
    public static ExecuteProposalArgs Parse(ContractArgs args)
    {
        args.ExpectCount(1, 1);
        return new ExecuteProposalArgs(args.Id(0, "proposalId"));
    }

    public string[] ToArguments() => [ProposalId];
}
