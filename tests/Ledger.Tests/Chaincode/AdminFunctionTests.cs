using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Admin = GxProtocol.Contract.GxChaincode.Admin;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class AdminFunctionTests
{
    private const string Collateral = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly ChaincodeHarness _ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));

    public AdminFunctionTests()
    {
        _ledger.CreateUser("alice");
        _ledger.CreateUser("bob");
    }

    [Theory]
    [InlineData(Admin.PauseSystem, "maintenance")]
    [InlineData(Admin.AppointAdmin, "carol")]
    [InlineData(Admin.ActivateTreasuryAccount, "US")]
    [InlineData(Admin.BootstrapSystem)]
    [InlineData(GxChaincode.Tokenomics.DistributeGenesis, "alice")]
    public void Super_admin_functions_refuse_admin(string function, params string[] args)
    {
        _ledger.Role = CallerRoles.Admin;
        _ledger.Refused(403, function, args);
    }

    [Theory]
    [InlineData(Admin.UpdateSystemParameter, GxParameters.VotingPeriodDays, "7")]
    [InlineData(GxChaincode.Tokenomics.FreezeWallet, "alice", "r")]
    [InlineData(GxChaincode.Identity.CreateUser, "carol", "US", "30")]
    public void Admin_functions_refuse_partner_api(string function, params string[] args)
    {
        _ledger.Role = CallerRoles.PartnerApi;
        _ledger.Refused(403, function, args);
    }

    [Fact]
    public void Unknown_role_may_not_even_transfer()
    {
        _ledger.Role = "guest";
        _ledger.Refused(403, GxChaincode.Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "");
    }

    [Fact]
    public void Pause_refuses_every_money_moving_function_and_resume_restores_them()
    {
        var loanId = _ledger.Submit<LoanApplicationReceived>(GxChaincode.LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80").LoanId;
        _ledger.Now = Genesis.AddDays(400);
        _ledger.Submit<SystemPaused>(Admin.PauseSystem, "incident");
        _ledger.Refused(409, Admin.PauseSystem, "again");
        _ledger.Refused(409, GxChaincode.Identity.CreateUser, "carol", "US", "30");
        _ledger.Refused(409, GxChaincode.LoanPool.ApproveLoan, loanId);
        _ledger.Refused(409, GxChaincode.Tax.ApplyVelocityTax, "alice");
        _ledger.Refused(409, GxChaincode.Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "");
        _ledger.Submit<SystemResumed>(Admin.ResumeSystem);
        _ledger.Refused(409, Admin.ResumeSystem);
        _ledger.Submit<LoanApproved>(GxChaincode.LoanPool.ApproveLoan, loanId);
    }

    [Fact]
    public void Freeze_twice_or_unfreeze_an_active_wallet_conflicts_and_frozen_borrowers_get_no_disbursement()
    {
        var loanId = _ledger.Submit<LoanApplicationReceived>(GxChaincode.LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80").LoanId;
        _ledger.Refused(409, GxChaincode.Tokenomics.UnfreezeWallet, "alice");
        _ledger.Submit<WalletFrozen>(GxChaincode.Tokenomics.FreezeWallet, "alice", "court order");
        _ledger.Refused(409, GxChaincode.Tokenomics.FreezeWallet, "alice", "again");
        _ledger.Refused(403, GxChaincode.LoanPool.ApproveLoan, loanId);
        _ledger.Refused(404, GxChaincode.Tokenomics.FreezeWallet, "nobody", "r");
        _ledger.Refused(400, GxChaincode.Tokenomics.FreezeWallet, "pool:loan", "r");
    }

    [Fact]
    public void Admins_and_treasuries_are_activated_once()
    {
        var appointed = _ledger.Submit<AdminAppointed>(Admin.AppointAdmin, "carol");
        Assert.Equal(("carol", Genesis), (appointed.AdminId, appointed.AppointedAt));
        _ledger.Refused(409, Admin.AppointAdmin, "carol");
        var activated = _ledger.Submit<TreasuryActivated>(Admin.ActivateTreasuryAccount, "us");
        Assert.Equal([new AccountBalance("treasury:US", 100 * Coin)], activated.Balances);
        _ledger.Refused(409, Admin.ActivateTreasuryAccount, "US");
        _ledger.Refused(404, Admin.ActivateTreasuryAccount, "FR");
    }

    [Fact]
    public void Unknown_function_is_a_bad_request() =>
        _ledger.Refused(400, "AdminContract:MintMore");
}
