using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;

namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>The resources the cross-user walk aims at. Add one here when a service brings a new kind of id.</summary>
public static class WalkResources
{
    public static IReadOnlyList<IWalkResource> All { get; } =
    [
        new ReferenceValues(), new OwnUser(), new OwnTransfer(), new OwnRelationship(), new OwnOrganization(), new OwnLoan(), new AdminProposal(),
        new OwnNotification(), new SystemWebhook(), new OwnPaymentRequest(), new OwnDocument(),
    ];

    /// <summary>{id} after /webhooks: an endpoint the super admin registered (no one's own: B must be refused as a non-super-admin).</summary>
    private sealed class SystemWebhook : IWalkResource
    {
        public async Task CreateAsync(WalkSetup setup)
        {
            var registered = await setup.CallAsync(setup.Backend.SuperAdmin, "POST", "/admin/api/v1/webhooks", new Dictionary<string, JsonNode?>
            {
                // Port 9 (discard): nothing listens, so its deliveries, if any, fail quietly.
                ["url"] = "http://127.0.0.1:9/walk",
                ["events"] = new JsonArray("proposal.executed"),
                ["secret"] = "the walk's webhook secret",
            });
            if (WalkSetup.IdFrom(registered, "id") is { } webhookId)
            {
                setup.Ids.NameIdIn("webhooks", webhookId);
            }
        }
    }

    /// <summary>{code}: a QR payment request of A's, left OPEN (B must not cancel it or draw its QR image).</summary>
    private sealed class OwnPaymentRequest : IWalkResource
    {
        public async Task CreateAsync(WalkSetup setup)
        {
            if (setup.Operation("POST", "/tokenomics/api/v1/payment-requests") is null)
            {
                return;
            }
            var created = await setup.CallAsync(setup.Owner.Client, "POST", "/tokenomics/api/v1/payment-requests",
                new Dictionary<string, JsonNode?> { ["amount"] = "1", ["expiresInSeconds"] = 600 });
            if (WalkSetup.IdFrom(created, "code") is { } code)
            {
                setup.Ids.Name(code, "code");
            }
        }
    }

    /// <summary>{documentId}: a KYC document A uploaded (multipart, so sent here rather than built from the schema).</summary>
    private sealed class OwnDocument : IWalkResource
    {
        public async Task CreateAsync(WalkSetup setup)
        {
            var path = $"/identity/api/v1/users/{setup.Owner.UserId}/documents";
            if (setup.Operation("POST", "/identity/api/v1/users/{id}/documents") is null)
            {
                return;
            }
            using var http = new HttpClient { BaseAddress = setup.Backend.ApiBase };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", setup.Owner.Client.AccessToken);
            using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "walk.pdf" } };
            var response = await http.PostAsync(path, form);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                setup.Notes.Add($"POST {path} answered {(int)response.StatusCode} {body}");
                return;
            }
            setup.Ids.Name(JsonNode.Parse(body)!["documentId"]!.ToString(), "documentId");
        }
    }

    /// <summary>{id} after /notifications: one of A's notifications (her genesis, at the latest).</summary>
    private sealed class OwnNotification : IWalkResource
    {
        public async Task CreateAsync(WalkSetup setup)
        {
            if (setup.Operation("GET", "/identity/api/v1/notifications") is null)
            {
                return;
            }
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                var inbox = await setup.CallAsync(setup.Owner.Client, "GET", "/identity/api/v1/notifications");
                if (inbox?.Json["items"]?.AsArray() is [{ } newest, ..])
                {
                    setup.Ids.NameIdIn("notifications", newest["id"]!.ToString());
                    return;
                }
                await Task.Delay(100);
            }
            setup.Notes.Add("A has no notification after 30 s");
        }
    }

    /// <summary>Route values that are no one's property but must be real: a country, a governable parameter.</summary>
    private sealed class ReferenceValues : IWalkResource
    {
        public Task CreateAsync(WalkSetup setup)
        {
            setup.Ids.Name("MY", "cc", "countryCode");
            setup.Ids.Name("votingPeriodDays", "paramId", "targetParameter");
            // Admin accounts and their sessions: B is refused by role before any id is looked up, so any GUID will do.
            setup.Ids.Name(setup.Owner.UserId, "adminId");
            setup.Ids.Name(Guid.NewGuid().ToString("D"), "sessionId");
            return Task.CompletedTask;
        }
    }

    /// <summary>A's user id under every name a route gives it.</summary>
    private sealed class OwnUser : IWalkResource
    {
        public Task CreateAsync(WalkSetup setup)
        {
            setup.Ids.Name(setup.Owner.UserId, "profileId", "userId", "accountId", "borrowerId", "fromUserId", "toUserId", "newAdminId");
            setup.Ids.NameIdIn("users", setup.Owner.UserId);
            return Task.CompletedTask;
        }
    }

    /// <summary>{commandId}: A's transfer to C.</summary>
    private sealed class OwnTransfer : IWalkResource
    {
        public async Task CreateAsync(WalkSetup setup)
        {
            var transfer = await setup.CallAsync(setup.Owner.Client, "POST", "/tokenomics/api/v1/transfers",
                new Dictionary<string, JsonNode?> { ["toUserId"] = setup.Partner.UserId, ["toOrgId"] = null, ["amount"] = "1" });
            if (WalkSetup.IdFrom(transfer, "commandId") is { } commandId)
            {
                setup.Ids.Name(commandId, "commandId");
            }
        }
    }

    /// <summary>{relationshipId}: a link A asked C to confirm, left pending (so B confirming it is someone else's act).</summary>
    private sealed class OwnRelationship : IWalkResource
    {
        public async Task CreateAsync(WalkSetup setup)
        {
            if (await Relationships.RequestAsync(setup, setup.Partner, "friend") is { } relationshipId)
            {
                setup.Ids.NameIdIn("relationships", relationshipId);
                setup.Ids.Name(relationshipId, "relationshipId");
            }
        }
    }

    private static class Relationships
    {
        public static async Task<string?> RequestAsync(WalkSetup setup, RegisteredUser to, string type)
        {
            var created = await setup.CallAsync(setup.Owner.Client, "POST", "/identity/api/v1/relationships",
                new Dictionary<string, JsonNode?> { ["toUserId"] = to.UserId, ["type"] = type });
            return WalkSetup.IdFrom(created, "relationshipId", "id");
        }

        /// <summary>A link A asks for and <paramref name="to"/> confirms: FATHER 30, SPOUSE 25 or BUSINESS_PARTNER 10 points of A's trust.</summary>
        public static async Task ConfirmedAsync(WalkSetup setup, RegisteredUser to, string type)
        {
            if (await RequestAsync(setup, to, type) is { } relationshipId)
            {
                await setup.CallAsync(to.Client, "POST", "/identity/api/v1/relationships/{relationshipId}/confirm",
                    pathValues: new Dictionary<string, string> { ["relationshipId"] = relationshipId });
            }
        }
    }

    /// <summary>
    /// {orgId}: an organization A proposed with C; then, as far as the routes exist, endorsed by both, activated, given
    /// a two-approver rule and a pending multi-signature transfer ({pendingTxId}).
    /// </summary>
    private sealed class OwnOrganization : IWalkResource
    {
        public async Task CreateAsync(WalkSetup setup)
        {
            if (setup.Operation("POST", "/organization/api/v1/organizations") is null)
            {
                return;
            }
            var orgId = $"walk-{Guid.NewGuid():N}"[..20];
            var proposed = await setup.CallAsync(setup.Owner.Client, "POST", "/organization/api/v1/organizations", new Dictionary<string, JsonNode?>
            {
                ["orgId"] = orgId,
                ["orgName"] = "Walk Org",
                ["orgType"] = "business",
                ["stakeholderIds"] = new JsonArray(setup.Owner.UserId, setup.Partner.UserId),
            });
            setup.Ids.Name(WalkSetup.IdFrom(proposed, "orgId") ?? orgId, "orgId");

            await setup.CallAsync(setup.Owner.Client, "POST", "/organization/api/v1/organizations/{orgId}/endorse");
            await setup.CallAsync(setup.Partner.Client, "POST", "/organization/api/v1/organizations/{orgId}/endorse");
            await setup.CallAsync(setup.Owner.Client, "POST", "/organization/api/v1/organizations/{orgId}/activate");
            await setup.CallAsync(setup.Owner.Client, "POST", "/organization/api/v1/organizations/{orgId}/rules", new Dictionary<string, JsonNode?>
            {
                ["amountThreshold"] = "1",
                ["requiredApprovals"] = 2,
                ["approverIds"] = new JsonArray(setup.Owner.UserId, setup.Partner.UserId),
            });
            var initiated = await setup.CallAsync(setup.Owner.Client, "POST", "/organization/api/v1/organizations/{orgId}/transactions",
                new Dictionary<string, JsonNode?> { ["toUserId"] = setup.Partner.UserId, ["amount"] = "1" });
            var pendingTxId = WalkSetup.IdFrom(initiated, "pendingTxId", "multiSigTxId", "txId", "transactionId")
                ?? (WalkSetup.IdFrom(initiated, "commandId") is { } commandId ? GxIds.ForRequest(Guid.Parse(commandId), GxIds.MultiSigTx).ToString("D") : null);
            if (pendingTxId is not null)
            {
                setup.Ids.Name(pendingTxId, "pendingTxId");
            }
        }
    }

    /// <summary>
    /// {loanId}: a loan A applied for and an admin approved, so B's repayment meets an ACTIVE loan. A borrower needs
    /// trust 75: base 10 (active) plus a confirmed father (30), spouse (25) and business partner (10), three more users.
    /// </summary>
    private sealed class OwnLoan : IWalkResource
    {
        public async Task CreateAsync(WalkSetup setup)
        {
            if (setup.Operation("POST", "/loanpool/api/v1/loans") is null)
            {
                return;
            }
            if (setup.Operation("POST", "/identity/api/v1/relationships/{relationshipId}/confirm") is not null)
            {
                await Relationships.ConfirmedAsync(setup, await setup.ExtraUserAsync(), "FATHER");
                await Relationships.ConfirmedAsync(setup, await setup.ExtraUserAsync(), "SPOUSE");
                await Relationships.ConfirmedAsync(setup, await setup.ExtraUserAsync(), "BUSINESS_PARTNER");
            }
            var applied = await setup.CallAsync(setup.Owner.Client, "POST", "/loanpool/api/v1/loans",
                new Dictionary<string, JsonNode?> { ["amount"] = "100" });
            var loanId = WalkSetup.IdFrom(applied, "loanId")
                ?? (WalkSetup.IdFrom(applied, "commandId") is { } commandId ? GxIds.ForRequest(Guid.Parse(commandId), GxIds.Loan).ToString("D") : null);
            if (loanId is not null)
            {
                setup.Ids.Name(loanId, "loanId");
                await setup.CallAsync(setup.Backend.SuperAdmin, "POST", "/loanpool/api/v1/loans/{loanId}/approve");
            }
        }
    }

    /// <summary>/proposals/{id}: users cannot submit proposals, so an admin's; B must not execute it.</summary>
    private sealed class AdminProposal : IWalkResource
    {
        public async Task CreateAsync(WalkSetup setup)
        {
            var submitted = await setup.CallAsync(setup.Backend.SuperAdmin, "POST", "/governance/api/v1/proposals", new Dictionary<string, JsonNode?>
            {
                ["title"] = "Walk proposal",
                ["description"] = "Made by the cross-user walk.",
                ["targetParameter"] = "votingPeriodDays",
                ["proposedValue"] = "14",
            });
            var proposalId = WalkSetup.IdFrom(submitted, "proposalId")
                ?? (WalkSetup.IdFrom(submitted, "commandId") is { } commandId ? GxIds.ForRequest(Guid.Parse(commandId), GxIds.Proposal).ToString("D") : null);
            if (proposalId is not null)
            {
                setup.Ids.NameIdIn("proposals", proposalId);
                setup.Ids.Name(proposalId, "proposalId");
            }
        }
    }
}
