namespace GxProtocol.ApiFrontends.Services;

/// <summary>The seven services, their path prefixes and their own ports (API.md).</summary>
public static class GxServiceNames
{
    public const string Identity = "identity";
    public const string Admin = "admin";
    public const string Tokenomics = "tokenomics";
    public const string Organization = "organization";
    public const string LoanPool = "loanpool";
    public const string Governance = "governance";
    public const string Tax = "tax";

    public static readonly IReadOnlyDictionary<string, int> Ports = new Dictionary<string, int>
    {
        [Identity] = 3001,
        [Admin] = 3002,
        [Tokenomics] = 3003,
        [Organization] = 3004,
        [LoanPool] = 3005,
        [Governance] = 3006,
        [Tax] = 3007,
    };

    public static IReadOnlyCollection<string> All => Ports.Keys.ToList();

    public static string Prefix(string service) => $"/{service}/api/v1";
}
