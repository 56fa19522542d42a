namespace GxProtocol.Contract;

public static partial class GxRules
{
    /// <summary>
    /// Approvals a multi-signature transfer needs: below the rule's threshold none beyond the initiator's (it
    /// executes at once), at or above it <paramref name="requiredApprovals"/> distinct approvers.
    /// </summary>
    public static int MultiSigApprovalsNeeded(long amountQirat, long amountThresholdQirat, int requiredApprovals) =>
        amountQirat < amountThresholdQirat ? 1 : requiredApprovals;
}
