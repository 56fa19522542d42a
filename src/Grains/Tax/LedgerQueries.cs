using GxProtocol.Contract;
using GxProtocol.Fabric;
using GxProtocol.Grains.Interfaces.Errors;

namespace GxProtocol.Grains.Tax;

/// <summary>
/// Evaluates a chaincode query and turns the chaincode's refusals into the rule answers the frontends map to 4xx:
/// an unknown account is a 404 for the caller, a malformed argument a 400, not a server error.
/// </summary>
public static class LedgerQueries
{
    public static async Task<T> EvaluateAsync<T>(ILedgerClient ledger, string function, IReadOnlyList<string> arguments)
    {
        byte[] answer;
        try
        {
            answer = await ledger.EvaluateAsync(function, arguments);
        }
        catch (LedgerEndorsementException refused) when (refused.ChaincodeStatus is { } status)
        {
            var message = refused.ChaincodeMessage ?? refused.Message;
            throw status switch
            {
                404 => new DomainRuleException(RuleViolationKind.NotFound, "not_found", message),
                403 => new DomainRuleException(RuleViolationKind.Forbidden, "forbidden", message),
                409 => DomainRuleException.Conflict("ledger_conflict", message),
                _ => new DomainRuleException(RuleViolationKind.Validation, "validation_failed", message),
            };
        }
        return LedgerEventJson.Deserialize<T>(answer);
    }

    /// <summary>The ledger's account record; 404 when the ledger does not know it.</summary>
    public static Task<BalanceQueryResult> GetBalanceAsync(ILedgerClient ledger, string account) =>
        EvaluateAsync<BalanceQueryResult>(ledger, GxChaincode.Tokenomics.GetBalance, new GetBalanceArgs(account).ToArguments());
}
