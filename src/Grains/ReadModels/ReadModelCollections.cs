namespace GxProtocol.Grains.ReadModels;

/// <summary>The document collections and counters of the read models, and how their partitions are keyed.</summary>
public static class ReadModelCollections
{
    /// <summary>Partitioned by borrower id, status = loan status.</summary>
    public const string Loans = "loans";

    /// <summary>One partition (<see cref="All"/>), status = proposal status.</summary>
    public const string Proposals = "proposals";

    /// <summary>Partitioned by organization id, status PENDING or EXECUTED.</summary>
    public const string MultiSigTxs = "multisig";

    /// <summary>One partition (<see cref="All"/>), status = organization status.</summary>
    public const string Organizations = "organizations";

    /// <summary>Id "orgId/userId", partitioned by user id; the body names the organization.</summary>
    public const string OrganizationMembers = "organization-members";

    /// <summary>Id = country code.</summary>
    public const string Treasuries = "treasuries";

    public const string All = "all";

    public static class Counters
    {
        public const string TotalSupply = "totalSupply";
        public const string Users = "users";
        public const string Organizations = "organizations";
        public const string Loans = "loans";
        public const string Proposals = "proposals";
        public const string Transfers = "transfers";

        public static string UsersOf(string countryCode) => $"users:{countryCode}";

        public static string GenesisPaidIn(string countryCode) => $"genesis:{countryCode}";
    }
}
