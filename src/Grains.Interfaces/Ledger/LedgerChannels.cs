namespace GxProtocol.Grains.Interfaces.Ledger;

/// <summary>Names of the broadcast channel provider and its namespaces; a namespace names the subscribing grain type.</summary>
public static class LedgerChannels
{
    public const string Provider = "ledger";
    public const string Users = "gx-user";
    public const string System = "gx-system";
    public const string ReadModels = "gx-readmodels";

    /// <summary>The one key of the singleton subscribers (system grain, read-model projector).</summary>
    public const string SingletonKey = "all";
}
