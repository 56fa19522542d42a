using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Loans;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Loans;

[StatelessWorker]
public sealed class LoanDeskGrain : Grain, ILoanDeskGrain
{
    public async Task<LoanApplicationAccepted> ApplyAsync(LoanApplication application)
    {
        var loanId = GxIds.ForRequest(application.CommandId, GxIds.Loan);
        var accepted = await GrainFactory.GetGrain<ILoanGrain>(ILoanGrain.KeyFor(loanId)).ApplyAsync(application);
        return new LoanApplicationAccepted(loanId, accepted);
    }
}
