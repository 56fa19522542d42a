namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>What each service offers its callers: the description of its document's tag.</summary>
internal static class ServiceDescriptions
{
    private static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["identity"] = "Registration, sign-in and sessions, profiles, KYC and documents, relationships, notifications, verification codes and command status.",
        ["admin"] = "Operating the system: bootstrap, countries, user approval, parameters, pause, outbox, audit log, webhooks and admin sessions.",
        ["tokenomics"] = "Transfers, wallet balances and history, genesis allocations, wallet freezing, treasuries and payment requests.",
        ["organization"] = "Organizations with several stakeholders: proposal, endorsement, approval rules and multi-signature transfers.",
        ["loanpool"] = "Loans from the loan pool: application, approval or rejection, repayment.",
        ["governance"] = "Proposals to change system parameters, votes on them and their execution.",
        ["tax"] = "Fee quotes, velocity tax and the fees and tax an account has paid.",
    };

    public static string For(string service) =>
        Descriptions.TryGetValue(service, out var description) ? description : $"The {service} service.";
}
