namespace GxProtocol.Contract;

/// <summary>
/// The GX chaincode's contract as the backend and the DevLedger both see it: channel, chaincode and
/// transaction names (<c>Contract:Function</c>). Arguments are positional strings: amounts are integer Qirat
/// ("1500000" = 1.5 coins), lists are JSON arrays, ids are 1–128 characters of letters, digits, '.', '_', '-'.
/// Accounts are user ids, organization ids, pool names (<see cref="GxSupply"/>) or <c>treasury:CC</c>.
/// Each submit emits one event named after its payload record (see the *Events.cs files); "[role]" is the
/// CallerRole the function needs (any = super_admin, admin or partner_api). Refusals: 400 malformed or invalid
/// input, 403 role / frozen / not a stakeholder, 404 unknown entity, 409 state conflict (not bootstrapped, paused,
/// duplicate, insufficient balance, wrong status).
/// </summary>
public static class GxChaincode
{
    public const string Channel = "gxchannel";
    public const string Name = "gxtv3";

    /// <summary>1 coin = 1,000,000 Qirat.</summary>
    public const long QiratPerCoin = 1_000_000;

    /// <summary>The most blind credit keys one AdminContract:FoldBlindCredits (and one GetBlindCredits answer) handles.</summary>
    public const int MaxCreditsPerFold = 1000;

    public static class Admin
    {
        /// <summary>[super_admin] No args. Mints the whole supply into the pools, once -> SystemBootstrapped.</summary>
        public const string BootstrapSystem = "AdminContract:BootstrapSystem";

        /// <summary>
        /// [super_admin] Args: countriesJson = [{"code":"US","name":"United States","percentage":4.2}] (percentage of
        /// every genesis phase, 0–100, all countries together at most 100). Adds or updates countries and opens an
        /// inactive treasury for each new one -> CountryDataInitialized.
        /// </summary>
        public const string InitializeCountryData = "AdminContract:InitializeCountryData";

        /// <summary>[admin] Args: paramId (see <see cref="GxParameters"/>), newValue (integer) -> SystemParameterUpdated.</summary>
        public const string UpdateSystemParameter = "AdminContract:UpdateSystemParameter";

        /// <summary>[super_admin] Args: reason -> SystemPaused. While paused every money-moving function is refused (409).</summary>
        public const string PauseSystem = "AdminContract:PauseSystem";

        /// <summary>[super_admin] No args -> SystemResumed.</summary>
        public const string ResumeSystem = "AdminContract:ResumeSystem";

        /// <summary>[super_admin] Args: newAdminId -> AdminAppointed (a record on chain; roles still come from the identity).</summary>
        public const string AppointAdmin = "AdminContract:AppointAdmin";

        /// <summary>[super_admin] Args: countryCode -> TreasuryActivated. An active treasury may send (admin-submitted TransferWithFees).</summary>
        public const string ActivateTreasuryAccount = "AdminContract:ActivateTreasuryAccount";

        /// <summary>
        /// [evaluate, admin] Args: account (a blindly credited pool: pool:operationsFund or pool:charitable), limit
        /// (optional, 1..<see cref="GxChaincode.MaxCreditsPerFold"/>, default the maximum) -> <see cref="BlindCreditsResult"/> JSON: the
        /// transaction ids of the pool's blind credit keys not yet folded, oldest key first, and their total.
        /// </summary>
        public const string GetBlindCredits = "AdminContract:GetBlindCredits";

        /// <summary>
        /// [admin] Args: account (a blindly credited pool), transactionIdsJson (JSON array of 1..<see cref="GxChaincode.MaxCreditsPerFold"/>
        /// distinct transaction ids, as GetBlindCredits lists them) -> BlindCreditsFolded. Adds each named credit key's
        /// amount to the pool's stored balance and deletes the key; a key already folded is skipped. The pool's balance
        /// and the total supply are unchanged; later balance reads scan only the keys written since. Reads each key by
        /// itself, never the range, so fee credits committed beside it do not invalidate it.
        /// </summary>
        public const string FoldBlindCredits = "AdminContract:FoldBlindCredits";
    }

    public static class Identity
    {
        /// <summary>
        /// [admin] Args: userId, nationality (ISO alpha-2, initialized country), age (whole years, 0–150). Registers the
        /// user and their wallet and, for ages 13–73 while the country has genesis slots, pays genesis from the user
        /// genesis pool and the treasury share from the government genesis pool -> UserCreated (genesis 0 otherwise).
        /// Refused before bootstrap and while paused.
        /// </summary>
        public const string CreateUser = "IdentityContract:CreateUser";
    }

    public static class Tokenomics
    {
        /// <summary>
        /// [any; admin when sending from a treasury] Args: fromUserId, toUserId (accounts), amountQirat, remark
        /// (optional, max 500), commandId (optional; a command id is applied at most once) -> TransferWithFeesCompleted.
        /// Pools cannot send; frozen wallets cannot send or receive.
        /// </summary>
        public const string TransferWithFees = "TokenomicsContract:TransferWithFees";

        /// <summary>
        /// [super_admin] Args: userId, age (optional: the user's current age, replacing the stored one). Pays a genesis the
        /// user did not get at registration -> GenesisDistributed; 409 when already paid, not eligible or exhausted.
        /// </summary>
        public const string DistributeGenesis = "TokenomicsContract:DistributeGenesis";

        /// <summary>[admin] Args: userId (user or organization wallet), reason (optional) -> WalletFrozen.</summary>
        public const string FreezeWallet = "TokenomicsContract:FreezeWallet";

        /// <summary>[admin] Args: userId -> WalletUnfrozen.</summary>
        public const string UnfreezeWallet = "TokenomicsContract:UnfreezeWallet";

        /// <summary>[evaluate, any] Args: account -> <see cref="BalanceQueryResult"/> JSON.</summary>
        public const string GetBalance = "TokenomicsContract:GetBalance";
    }

    public static class Organization
    {
        /// <summary>
        /// [any] Args: proposerId, orgId, orgName, orgType (business / government / nonprofit), stakeholderIdsJson
        /// (JSON array of registered user ids including the proposer, max 50) -> OrganizationProposed. The proposer's
        /// endorsement is recorded with the proposal.
        /// </summary>
        public const string ProposeOrganization = "OrganizationContract:ProposeOrganization";

        /// <summary>[any] Args: orgId, stakeholderId -> MembershipEndorsed.</summary>
        public const string EndorseMembership = "OrganizationContract:EndorseMembership";

        /// <summary>[any] Args: orgId, callerId (a stakeholder). Needs every endorsement; opens the org wallet -> OrganizationActivated.</summary>
        public const string ActivateOrganization = "OrganizationContract:ActivateOrganization";

        /// <summary>
        /// [any] Args: orgId, callerId (a stakeholder), amountThresholdQirat, requiredApprovals (1..approvers),
        /// approverIdsJson (JSON array of stakeholder ids), requestId (optional) -> AuthRuleDefined. The first rule is
        /// defined by any stakeholder; a later one is proposed by an approver of the current rule and needs the current
        /// rule's requiredApprovals: with more than one it waits as a pending multi-signature transaction (id derived from
        /// requestId) -> AuthRuleChangeProposed, and the last approval (ApproveMultiSigTx) -> AuthRuleDefined.
        /// </summary>
        public const string DefineAuthRule = "OrganizationContract:DefineAuthRule";

        /// <summary>
        /// [any] Args: orgId, initiatorId (an approver), toUserId (account), amountQirat, remark (optional), requestId
        /// (optional; the pending id derives from it as for loans) -> MultiSigTxInitiated (status EXECUTED with fees when no further approval is needed, else PENDING).
        /// </summary>
        public const string InitiateMultiSigTx = "OrganizationContract:InitiateMultiSigTx";

        /// <summary>[any] Args: pendingTxId, approverId -> MultiSigTxApproved, or MultiSigTxExecuted when the approvals reach the rule.</summary>
        public const string ApproveMultiSigTx = "OrganizationContract:ApproveMultiSigTx";

        /// <summary>
        /// [any] Args: pendingTxId, callerId (the initiator or an approver) -> MultiSigTxCancelled. A pending transfer also
        /// expires multiSigExpiryDays after its initiation: it can then only be cancelled.
        /// </summary>
        public const string CancelMultiSigTx = "OrganizationContract:CancelMultiSigTx";
    }

    public static class LoanPool
    {
        /// <summary>
        /// [any] Args: borrowerId, amountQirat (100–1,000,000 coins), collateralHash (64 hex), trustScore (0–100, computed
        /// by the backend; at least 75 needed), termDays (optional, 1..maxLoanDurationDays, default the maximum),
        /// requestId (optional) -> LoanApplicationReceived with the loan id <see cref="GxIds"/> derives from the
        /// request id (else the transaction id); 409 when that loan exists.
        /// </summary>
        public const string ApplyForLoan = "LoanPoolContract:ApplyForLoan";

        /// <summary>[admin] Args: loanId. Disburses from the loan pool -> LoanApproved.</summary>
        public const string ApproveLoan = "LoanPoolContract:ApproveLoan";

        /// <summary>[admin] Args: loanId, reason (optional) -> LoanRejected.</summary>
        public const string RejectLoan = "LoanPoolContract:RejectLoan";

        /// <summary>
        /// [any] Args: loanId, amountQirat (at most the remaining amount), commandId (optional, echoed in the event)
        /// -> LoanRepaid (status REPAID when nothing remains).
        /// </summary>
        public const string RepayLoan = "LoanPoolContract:RepayLoan";
    }

    public static class Governance
    {
        /// <summary>
        /// [admin] Args: proposerId, title (max 200), description (max 5000), targetParameter, proposedValue (integer in
        /// the parameter's range), requestId (optional) -> ProposalSubmitted with the voting deadline and the id <see cref="GxIds"/>
        /// derives from the request id (else the transaction id); 409 when that proposal exists.
        /// </summary>
        public const string SubmitProposal = "GovernanceContract:SubmitProposal";

        /// <summary>[any] Args: proposalId, voterId (a registered user), vote (FOR / AGAINST / ABSTAIN), reason (optional) -> VoteCast.</summary>
        public const string VoteOnProposal = "GovernanceContract:VoteOnProposal";

        /// <summary>[admin] Args: proposalId; only once the voting window has ended -> ProposalExecuted or ProposalFailed.</summary>
        public const string ExecuteProposal = "GovernanceContract:ExecuteProposal";
    }

    public static class Tax
    {
        /// <summary>[admin] Args: accountId (a user or organization wallet) -> VelocityTaxApplied; 409 when not due.</summary>
        public const string ApplyVelocityTax = "TaxAndFeeContract:ApplyVelocityTax";

        /// <summary>
        /// [evaluate, any] Args: amountQirat, fromUserId (optional), toUserId (optional), transactionType (optional:
        /// TRANSFER default, ORGANIZATION, SYSTEM), fromCountry (optional), toCountry (optional) -> <see cref="FeeQuoteResult"/>
        /// JSON. Each side is named by a user or organization id (404 when the ledger does not know it) or by a
        /// country code, not both (400); pools and treasuries are refused (400). With both accounts named their kinds
        /// decide, otherwise the transaction type (an organization on either side makes it ORGANIZATION); the two
        /// countries decide the band, and a side given by neither counts as domestic.
        /// </summary>
        public const string CalculateTransactionFee = "TaxAndFeeContract:CalculateTransactionFee";
    }
}
