namespace GxProtocol.Fabric;

/// <summary>
/// The gateway refused the request itself (bad argument, permission denied, unknown channel): retrying the same
/// request cannot succeed until configuration changes.
/// </summary>
public sealed class LedgerRequestRejectedException(string message, Exception? inner = null) : LedgerException(message, inner)
{
    public override bool IsTransient => false;
}
