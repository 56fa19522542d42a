namespace GxProtocol.Grains.Interfaces.Commands;

/// <summary>An aggregate grain that issues ledger commands and must release what it holds for one once it finishes.</summary>
[Alias("gx.ICommandOrigin")]
public interface ICommandOrigin : IGrain
{
    [Alias("OnCommandFailed")] Task OnCommandFailedAsync(Guid commandId, string code, string message);

    /// <summary>
    /// The ledger committed the command in <paramref name="blockNumber"/> (also when a resubmission met DUPLICATE_TXID).
    /// The origin releases the command once it has applied that block's events, so balances and holds move together.
    /// </summary>
    [Alias("OnCommandCommitted")] Task OnCommandCommittedAsync(Guid commandId, ulong blockNumber);
}
