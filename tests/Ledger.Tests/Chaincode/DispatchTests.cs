using System.Reflection;
using GxProtocol.Contract;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class DispatchTests
{
    private static IEnumerable<string> FunctionNames() =>
        typeof(GxChaincode).GetNestedTypes()
            .SelectMany(contract => contract.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!);

    public static TheoryData<string> EveryFunction() => new(FunctionNames());

    [Fact]
    public void The_contract_lists_all_thirty_one_functions() => Assert.Equal(31, FunctionNames().Distinct().Count());

    /// <summary>Every documented function is dispatched: with garbage arguments it answers a 4xx about them, never "unknown" or 500.</summary>
    [Theory]
    [MemberData(nameof(EveryFunction))]
    public void Every_function_is_implemented_and_rejects_malformed_arguments_cleanly(string function)
    {
        var ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));
        var response = ledger.Invoke(function, "%%", "%%", "%%", "%%", "%%", "%%", "%%");
        Assert.InRange(response.Status, 400, 409);
        Assert.DoesNotContain("Unknown function", response.Message);
        Assert.Empty(ledger.LastStub!.Events);
    }
}
