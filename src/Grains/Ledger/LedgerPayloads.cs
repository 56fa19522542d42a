using System.Text.Json;

namespace GxProtocol.Grains.Ledger;

/// <summary>Reads the fields every chaincode payload shares, whatever its event.</summary>
public static class LedgerPayloads
{
    /// <summary>The balance the payload's <c>balances</c> list reports for <paramref name="account"/>, or null when it lists none.</summary>
    public static long? BalanceOf(byte[] payload, string account)
    {
        using var document = JsonDocument.Parse(payload);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("balances", out var balances)
            || balances.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        long? reported = null;
        foreach (var balance in balances.EnumerateArray())
        {
            if (balance.ValueKind == JsonValueKind.Object
                && balance.TryGetProperty("account", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == account
                && balance.TryGetProperty("balance", out var amount) && amount.TryGetInt64(out var qirat))
            {
                reported = qirat;
            }
        }
        return reported;
    }
}
