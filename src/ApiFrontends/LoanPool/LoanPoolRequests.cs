using GxProtocol.ApiFrontends.Domain.Money;

namespace GxProtocol.ApiFrontends.LoanPool;

/// <summary>POST /loans: the caller borrows <see cref="Amount"/> (100 to 1,000,000 coins) for <see cref="TermDays"/> (default the maximum).</summary>
public sealed record ApplyForLoanRequest(PositiveCoinAmount Amount, string CollateralHash, int? TermDays = null);

public sealed record RejectLoanRequest(string Reason);

public sealed record RepayLoanRequest(PositiveCoinAmount Amount);
