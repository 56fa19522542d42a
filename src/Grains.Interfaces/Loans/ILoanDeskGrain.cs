using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Interfaces.Loans;

/// <summary>
/// Where applications are handed in: gives an application the loan id the chaincode will derive from its command id
/// (the formula lives with the chaincode contract, which the frontends do not reference) and passes it to that loan.
/// Stateless; any silo serves it.
/// </summary>
[Alias("gx.ILoanDeskGrain")]
public interface ILoanDeskGrain : IGrainWithIntegerKey
{
    [Alias("Apply")] Task<LoanApplicationAccepted> ApplyAsync(LoanApplication application);
}

[GenerateSerializer, Immutable, Alias("gx.LoanApplicationAccepted")]
public sealed record LoanApplicationAccepted([property: Id(0)] Guid LoanId, [property: Id(1)] CommandAccepted Command);
