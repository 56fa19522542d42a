namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// Marks a route whose 202 is not a ledger command (a mail accepted for delivery): its document gets no Prefer header
/// and no command Location.
/// </summary>
public sealed class NoLedgerCommandMetadata
{
    public static readonly NoLedgerCommandMetadata Instance = new();
}
