namespace GxProtocol.Contract;

public static partial class GxRules
{
    public const long MinLoanQirat = 100 * GxChaincode.QiratPerCoin;
    public const long MaxLoanQirat = 1_000_000 * GxChaincode.QiratPerCoin;
    public const int MinLoanTrustScore = 75;
    public const int MaxOpenLoans = 5;
    public const long MaxOutstandingQirat = 10_000_000 * GxChaincode.QiratPerCoin;

    /// <summary>
    /// Null when a borrower with <paramref name="trustScore"/>, <paramref name="openLoans"/> open loans
    /// (pending or active) and <paramref name="outstandingQirat"/> still owed on them may apply for
    /// <paramref name="amountQirat"/>; otherwise the first rule broken.
    /// </summary>
    public static RuleViolation? CheckLoanApplication(long amountQirat, int trustScore, int openLoans, long outstandingQirat)
    {
        if (amountQirat < MinLoanQirat || amountQirat > MaxLoanQirat)
        {
            return new("LOAN_AMOUNT_OUT_OF_RANGE", $"A loan must be between {MinLoanQirat} and {MaxLoanQirat} Qirat (100 to 1,000,000 coins); asked {amountQirat}.");
        }

        if (trustScore < MinLoanTrustScore)
        {
            return new("TRUST_SCORE_TOO_LOW", $"A loan needs a trust score of at least {MinLoanTrustScore}; the borrower has {trustScore}.");
        }

        if (openLoans >= MaxOpenLoans)
        {
            return new("TOO_MANY_OPEN_LOANS", $"A borrower may have at most {MaxOpenLoans} open loans; the borrower has {openLoans}.");
        }

        if (outstandingQirat + amountQirat > MaxOutstandingQirat)
        {
            return new("OUTSTANDING_LIMIT_EXCEEDED", $"A borrower may owe at most {MaxOutstandingQirat} Qirat (10,000,000 coins); {outstandingQirat} outstanding plus {amountQirat} asked exceeds it.");
        }

        return null;
    }

    /// <summary>What a loan of <paramref name="principalQirat"/> must repay: interest-free by default, rounded down.</summary>
    public static long LoanAmountDue(long principalQirat, int interestRateBps) =>
        principalQirat + (long)((Int128)principalQirat * interestRateBps / 10_000);
}
