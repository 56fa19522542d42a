using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Admin = GxProtocol.Contract.GxChaincode.Admin;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class AdminFunctionTests
{
    private const string Collateral = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly ChaincodeHarness ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));

    public AdminFunctionTests()
    {
        ledger.CreateUser("alice");
        ledger.CreateUser("bob");
    }

    [Theory]
    [InlineData(Admin.PauseSystem, "maintenance")]
    [InlineData(Admin.AppointAdmin, "carol")]
    [InlineData(Admin.ActivateTreasuryAccount, "US")]
    [InlineData(Admin.BootstrapSystem)]
    [InlineData(GxChaincode.Tokenomics.DistributeGenesis, "alice")]
    public void Super_admin_functions_refuse_admin(string function, params string[] args)
    {
        ledger.Role = CallerRoles.Admin;
        ledger.Refused(403, function, args);
    }

    [Theory]
    [InlineData(Admin.UpdateSystemParameter, GxParameters.VotingPeriodDays, "7")]
    [InlineData(GxChaincode.Tokenomics.FreezeWallet, "alice", "r")]
    [InlineData(GxChaincode.Identity.CreateUser, "carol", "US", "30")]
    public void Admin_functions_refuse_partner_api(string function, params string[] args)
    {
        ledger.Role = CallerRoles.PartnerApi;
        ledger.Refused(403, function, args);
    }

    [Fact]
    public void Unknown_role_may_not_even_transfer()
    {
        ledger.Role = "guest";
        ledger.Refused(403, GxChaincode.Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "");
    }

    [Fact]
    public void Pause_refuses_every_money_moving_function_and_resume_restores_them()
    {
        var loanId = ledger.Submit<LoanApplicationReceived>(GxChaincode.LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80").LoanId;
        ledger.Now = Genesis.AddDays(400);
        ledger.Submit<SystemPaused>(Admin.PauseSystem, "incident");
        ledger.Refused(409, Admin.PauseSystem, "again");
        ledger.Refused(409, GxChaincode.Identity.CreateUser, "carol", "US", "30");
        ledger.Refused(409, GxChaincode.LoanPool.ApproveLoan, loanId);
        ledger.Refused(409, GxChaincode.Tax.ApplyVelocityTax, "alice");
        ledger.Refused(409, GxChaincode.Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "");
        ledger.Submit<SystemResumed>(Admin.ResumeSystem);
        ledger.Refused(409, Admin.ResumeSystem);
        ledger.Submit<LoanApproved>(GxChaincode.LoanPool.ApproveLoan, loanId);
    }

    [Fact]
    public void Freeze_twice_or_unfreeze_an_active_wallet_conflicts_and_frozen_borrowers_get_no_disbursement()
    {
        var loanId = ledger.Submit<LoanApplicationReceived>(GxChaincode.LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80").LoanId;
        ledger.Refused(409, GxChaincode.Tokenomics.UnfreezeWallet, "alice");
        ledger.Submit<WalletFrozen>(GxChaincode.Tokenomics.FreezeWallet, "alice", "court order");
        ledger.Refused(409, GxChaincode.Tokenomics.FreezeWallet, "alice", "again");
        ledger.Refused(403, GxChaincode.LoanPool.ApproveLoan, loanId);
        ledger.Refused(404, GxChaincode.Tokenomics.FreezeWallet, "nobody", "r");
        ledger.Refused(400, GxChaincode.Tokenomics.FreezeWallet, "pool:loan", "r");
    }

    [Fact]
    public void Admins_and_treasuries_are_activated_once()
    {
        var appointed = ledger.Submit<AdminAppointed>(Admin.AppointAdmin, "carol");
        Assert.Equal(("carol", Genesis), (appointed.AdminId, appointed.AppointedAt));
        ledger.Refused(409, Admin.AppointAdmin, "carol");
        var activated = ledger.Submit<TreasuryActivated>(Admin.ActivateTreasuryAccount, "us");
        Assert.Equal([new AccountBalance("treasury:US", 100 * Coin)], activated.Balances);
        ledger.Refused(409, Admin.ActivateTreasuryAccount, "US");
        ledger.Refused(404, Admin.ActivateTreasuryAccount, "FR");
    }

    [Fact]
    public void Unknown_function_is_a_bad_request() =>
        ledger.Refused(400, "AdminContract:MintMore");
}
