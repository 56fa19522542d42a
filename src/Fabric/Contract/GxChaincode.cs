namespace GxProtocol.Fabric.Contract;

/// <summary>
/// The GX chaincode's contract as the backend and the DevLedger both see it: channel, chaincode and
/// transaction names (<c>Contract:Function</c>). Arguments are strings; amounts are integer Qirat.
/// </summary>
public static class GxChaincode
{
    public const string Channel = "gxchannel";
    public const string Name = "gxtv3";

    /// <summary>1 coin = 1,000,000 Qirat.</summary>
    public const long QiratPerCoin = 1_000_000;

    public static class Admin
    {
        public const string BootstrapSystem = "AdminContract:BootstrapSystem";
        public const string InitializeCountryData = "AdminContract:InitializeCountryData";
        public const string UpdateSystemParameter = "AdminContract:UpdateSystemParameter";
        public const string PauseSystem = "AdminContract:PauseSystem";
        public const string ResumeSystem = "AdminContract:ResumeSystem";
        public const string AppointAdmin = "AdminContract:AppointAdmin";
        public const string ActivateTreasuryAccount = "AdminContract:ActivateTreasuryAccount";
    }

    public static class Identity
    {
        /// <summary>Args: userId, nationality (ISO alpha-2), age (whole years).</summary>
        public const string CreateUser = "IdentityContract:CreateUser";
    }

    public static class Tokenomics
    {
        /// <summary>Args: fromUserId, toUserId, amountQirat, remark, commandId.</summary>
        public const string TransferWithFees = "TokenomicsContract:TransferWithFees";
        public const string DistributeGenesis = "TokenomicsContract:DistributeGenesis";
        public const string FreezeWallet = "TokenomicsContract:FreezeWallet";
        public const string UnfreezeWallet = "TokenomicsContract:UnfreezeWallet";
        public const string GetBalance = "TokenomicsContract:GetBalance";
    }

    public static class Organization
    {
        public const string ProposeOrganization = "OrganizationContract:ProposeOrganization";
        public const string EndorseMembership = "OrganizationContract:EndorseMembership";
        public const string ActivateOrganization = "OrganizationContract:ActivateOrganization";
        public const string DefineAuthRule = "OrganizationContract:DefineAuthRule";
        public const string InitiateMultiSigTx = "OrganizationContract:InitiateMultiSigTx";
        public const string ApproveMultiSigTx = "OrganizationContract:ApproveMultiSigTx";
    }

    public static class LoanPool
    {
        public const string ApplyForLoan = "LoanPoolContract:ApplyForLoan";
        public const string ApproveLoan = "LoanPoolContract:ApproveLoan";
        public const string RejectLoan = "LoanPoolContract:RejectLoan";
        public const string RepayLoan = "LoanPoolContract:RepayLoan";
    }

    public static class Governance
    {
        public const string SubmitProposal = "GovernanceContract:SubmitProposal";
        public const string VoteOnProposal = "GovernanceContract:VoteOnProposal";
        public const string ExecuteProposal = "GovernanceContract:ExecuteProposal";
    }

    public static class Tax
    {
        public const string ApplyVelocityTax = "TaxAndFeeContract:ApplyVelocityTax";
        public const string CalculateTransactionFee = "TaxAndFeeContract:CalculateTransactionFee";
    }
}
