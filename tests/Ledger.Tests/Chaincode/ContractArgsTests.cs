using System.Reflection;
using GxProtocol.Contract;

namespace GxProtocol.Ledger.Tests.Chaincode;

/// <summary>
/// Each contract function has one argument record that writes Fabric's positional strings (what the backend stores
/// with its command and a real chaincode receives) and reads them back; the strings are those the backend sent before
/// the records existed.
/// </summary>
public sealed class ContractArgsTests
{
    private const string Alice = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private const string Bob = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static TheoryData<string, string[], string[]> Samples() => new()
    {
        { GxChaincode.Admin.BootstrapSystem, new BootstrapSystemArgs().ToArguments(), [] },
        { GxChaincode.Admin.InitializeCountryData, new InitializeCountryDataArgs([new CountryAllocation("US", "United States", 4.2m)]).ToArguments(),
            ["""[{"code":"US","name":"United States","percentage":4.2}]"""] },
        { GxChaincode.Admin.UpdateSystemParameter, new UpdateSystemParameterArgs(GxParameters.TransactionFeeBps, -5).ToArguments(), [GxParameters.TransactionFeeBps, "-5"] },
        { GxChaincode.Admin.PauseSystem, new PauseSystemArgs("maintenance").ToArguments(), ["maintenance"] },
        { GxChaincode.Admin.ResumeSystem, new ResumeSystemArgs().ToArguments(), [] },
        { GxChaincode.Admin.AppointAdmin, new AppointAdminArgs(Alice).ToArguments(), [Alice] },
        { GxChaincode.Admin.ActivateTreasuryAccount, new ActivateTreasuryAccountArgs("MY").ToArguments(), ["MY"] },
        { GxChaincode.Admin.GetBlindCredits, new GetBlindCreditsArgs(GxSupply.OperationsFundPool).ToArguments(), [GxSupply.OperationsFundPool] },
        { GxChaincode.Admin.FoldBlindCredits, new FoldBlindCreditsArgs(GxSupply.CharitablePool, ["tx-1", "tx-2"]).ToArguments(),
            [GxSupply.CharitablePool, """["tx-1","tx-2"]"""] },
        { GxChaincode.Identity.CreateUser, new CreateUserArgs(Alice, "MY", 30).ToArguments(), [Alice, "MY", "30"] },
        { GxChaincode.Identity.CreateUser, new CreateUserArgs(Alice, "MY", 30, Hash).ToArguments(), [Alice, "MY", "30", Hash] },
        { GxChaincode.Tokenomics.TransferWithFees, new TransferWithFeesArgs(Alice, "org-1", 1_500_000, "rent", "cmd-1").ToArguments(),
            [Alice, "org-1", "1500000", "rent", "cmd-1"] },
        { GxChaincode.Tokenomics.DistributeGenesis, new DistributeGenesisArgs(Alice, 40).ToArguments(), [Alice, "40"] },
        { GxChaincode.Tokenomics.FreezeWallet, new FreezeWalletArgs(Alice, "").ToArguments(), [Alice, ""] },
        { GxChaincode.Tokenomics.UnfreezeWallet, new UnfreezeWalletArgs(Alice).ToArguments(), [Alice] },
        { GxChaincode.Tokenomics.GetBalance, new GetBalanceArgs(GxSupply.TreasuryAccount("MY")).ToArguments(), ["treasury:MY"] },
        { GxChaincode.Organization.ProposeOrganization, new ProposeOrganizationArgs(Alice, "org-1", "Acme", "business", [Alice, Bob]).ToArguments(),
            [Alice, "org-1", "Acme", "business", $"""["{Alice}","{Bob}"]"""] },
        { GxChaincode.Organization.EndorseMembership, new EndorseMembershipArgs("org-1", Bob).ToArguments(), ["org-1", Bob] },
        { GxChaincode.Organization.ActivateOrganization, new ActivateOrganizationArgs("org-1", Bob).ToArguments(), ["org-1", Bob] },
        { GxChaincode.Organization.DefineAuthRule, new DefineAuthRuleArgs("org-1", Alice, 0, 1, [Alice], "cmd-2").ToArguments(),
            ["org-1", Alice, "0", "1", $"""["{Alice}"]""", "cmd-2"] },
        { GxChaincode.Organization.InitiateMultiSigTx, new InitiateMultiSigTxArgs("org-1", Alice, Bob, 7, "", "cmd-3").ToArguments(),
            ["org-1", Alice, Bob, "7", "", "cmd-3"] },
        { GxChaincode.Organization.ApproveMultiSigTx, new ApproveMultiSigTxArgs("msig-1", Bob).ToArguments(), ["msig-1", Bob] },
        { GxChaincode.Organization.CancelMultiSigTx, new CancelMultiSigTxArgs("msig-1", Alice).ToArguments(), ["msig-1", Alice] },
        { GxChaincode.LoanPool.ApplyForLoan, new ApplyForLoanArgs(Alice, 100_000_000, Hash, 80, null, "cmd-4").ToArguments(),
            [Alice, "100000000", Hash, "80", "", "cmd-4"] },
        { GxChaincode.LoanPool.ApplyForLoan, new ApplyForLoanArgs(Alice, 100_000_000, Hash, 80, 30, "cmd-4").ToArguments(),
            [Alice, "100000000", Hash, "80", "30", "cmd-4"] },
        { GxChaincode.LoanPool.ApproveLoan, new ApproveLoanArgs("loan-1").ToArguments(), ["loan-1"] },
        { GxChaincode.LoanPool.RejectLoan, new RejectLoanArgs("loan-1", "too risky").ToArguments(), ["loan-1", "too risky"] },
        { GxChaincode.LoanPool.RepayLoan, new RepayLoanArgs("loan-1", 5, "cmd-5").ToArguments(), ["loan-1", "5", "cmd-5"] },
        { GxChaincode.Governance.SubmitProposal, new SubmitProposalArgs(Alice, "Lower fees", "", GxParameters.TransactionFeeBps, 5, "cmd-6").ToArguments(),
            [Alice, "Lower fees", "", GxParameters.TransactionFeeBps, "5", "cmd-6"] },
        { GxChaincode.Governance.VoteOnProposal, new VoteOnProposalArgs("prop-1", Bob, "FOR", null).ToArguments(), ["prop-1", Bob, "FOR", ""] },
        { GxChaincode.Governance.ExecuteProposal, new ExecuteProposalArgs("prop-1").ToArguments(), ["prop-1"] },
        { GxChaincode.Tax.ApplyVelocityTax, new ApplyVelocityTaxArgs(Alice).ToArguments(), [Alice] },
        { GxChaincode.Tax.CalculateTransactionFee, new CalculateTransactionFeeArgs(200, null, Bob, "TRANSFER", "MY", null).ToArguments(),
            ["200", "", Bob, "TRANSFER", "MY", ""] },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_record_writes_the_positional_strings_and_reads_them_back(string function, string[] written, string[] expected)
    {
        Assert.Equal(expected, written);

        var parsed = Parse(function, written);

        Assert.Equal(written, (string[])parsed.GetType().GetMethod("ToArguments")!.Invoke(parsed, null)!);
    }

    [Fact]
    public void Every_contract_function_has_one_argument_record()
    {
        var functions = typeof(GxChaincode).GetNestedTypes()
            .SelectMany(contract => contract.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(functions);

        var missing = functions.Where(function => RecordFor(function) is null).ToList();

        Assert.True(missing.Count == 0, $"No argument record with Parse(ContractArgs) and ToArguments() for: {string.Join(", ", missing)}");
        Assert.Equal(functions.Order(), Samples().Select(row => (string)row[0]).Distinct().Order());
    }

    [Fact]
    public void Stored_arguments_read_back_to_the_record_that_wrote_them()
    {
        object[] records =
        [
            new UpdateSystemParameterArgs(GxParameters.TransactionFeeBps, -5), new AppointAdminArgs(Alice), new ActivateTreasuryAccountArgs("MY"),
            new EndorseMembershipArgs("org-1", Bob), new ApproveMultiSigTxArgs("msig-1", Bob), new CancelMultiSigTxArgs("msig-1", Alice),
            new VoteOnProposalArgs("prop-1", Bob, "AGAINST", "no"), new RepayLoanArgs("loan-1", 5, "cmd-5"),
        ];
        var withFromStored = typeof(ContractArgs).Assembly.GetTypes().Where(type => type.GetMethod("FromStored") is not null).ToList();
        Assert.Equal(withFromStored.Select(type => type.Name).Order(), records.Select(record => record.GetType().Name).Order());

        foreach (var record in records)
        {
            var stored = (string[])record.GetType().GetMethod("ToArguments")!.Invoke(record, null)!;
            Assert.Equal(record, record.GetType().GetMethod("FromStored")!.Invoke(null, [stored]));
        }
        Assert.Equal(new VoteOnProposalArgs("prop-1", Bob, "FOR", null), VoteOnProposalArgs.FromStored(["prop-1", Bob, "FOR"]));
    }

    [Fact]
    public void A_malformed_argument_is_refused_naming_it()
    {
        var refused = Assert.Throws<TargetInvocationException>(() => Parse(GxChaincode.Tokenomics.TransferWithFees, [Alice, Bob, "1.5"]));

        var malformed = Assert.IsType<ContractArgumentException>(refused.InnerException);
        Assert.Equal("amountQirat must be an integer; got '1.5'.", malformed.Message);
    }

    private static object Parse(string function, string[] arguments) =>
        RecordFor(function)!.GetMethod("Parse")!.Invoke(null, [new ContractArgs(function, arguments)])!;

    private static Type? RecordFor(string function)
    {
        var type = typeof(ContractArgs).Assembly.GetType($"GxProtocol.Contract.{function[(function.IndexOf(':') + 1)..]}Args");
        return type?.GetMethod("Parse", [typeof(ContractArgs)]) is not null && type.GetMethod("ToArguments", Type.EmptyTypes) is not null ? type : null;
    }
}
