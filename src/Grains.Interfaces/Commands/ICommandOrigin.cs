namespace GxProtocol.Grains.Interfaces.Commands;

/// <summary>An aggregate grain that issues ledger commands and must release its holds when the ledger refuses one.</summary>
[Alias("gx.ICommandOrigin")]
public interface ICommandOrigin : IGrain
{
    [Alias("OnCommandFailed")] Task OnCommandFailedAsync(Guid commandId, string code, string message);
}
