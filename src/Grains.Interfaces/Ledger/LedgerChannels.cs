namespace GxProtocol.Grains.Interfaces.Ledger;

/// <summary>Names of the broadcast channel provider and its namespaces; a namespace names the subscribing grain type.</summary>
public static class LedgerChannels
{
    public const string Provider = "ledger";
    public const string Users = "gx-user";
    public const string System = "gx-system";
    public const string ReadModels = "gx-readmodels";

    /// <summary>Keyed by organization id.</summary>
    public const string Organizations = "gx-org";

    /// <summary>Keyed by loan id.</summary>
    public const string Loans = "gx-loan";

    /// <summary>Keyed by proposal id.</summary>
    public const string Proposals = "gx-proposal";

    /// <summary>Keyed by the account (user id or organization id) that paid a fee or a velocity tax.</summary>
    public const string TaxAccounts = "gx-tax";

    /// <summary>The one key of the singleton subscribers (system grain, read-model projector).</summary>
    public const string SingletonKey = "all";
}
