using GxProtocol.Grains.Interfaces.Commands;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Interfaces.Loans;

/// <summary>
/// One loan, keyed by <see cref="KeyFor"/> of its id. The id derives from the command that applied for it
/// (GxIds.ForRequest), so the grain exists before the ledger commits the application. String-keyed because the
/// ledger listener routes loan events by the loan id as the chaincode writes it.
/// </summary>
[Alias("gx.ILoanGrain")]
public interface ILoanGrain : IGrainWithStringKey, ICommandOrigin
{
    [Alias("Apply")] Task<CommandAccepted> ApplyAsync(LoanApplication application);

    /// <summary>Null when no application was ever accepted under this id.</summary>
    [Alias("Get"), AlwaysInterleave] Task<LoanView?> GetAsync();

    [Alias("Approve")] Task<CommandAccepted> ApproveAsync(Guid adminId, Guid commandId);
    [Alias("Reject")] Task<CommandAccepted> RejectAsync(Guid adminId, Guid commandId, string reason);

    /// <summary>The borrower repays part or all of what remains; anyone else gets not-found.</summary>
    [Alias("Repay")] Task<CommandAccepted> RepayAsync(Guid borrowerId, Guid commandId, long amountQirat);

    /// <summary>The grain key of a loan: its id as the chaincode spells it.</summary>
    public static string KeyFor(Guid loanId) => loanId.ToString("D");
}
