using System.Net;
using GxProtocol.Backend.Tests.Support;
using Xunit.Abstractions;

namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>
/// Object-level authorization over the whole documented surface: an ordinary user B calls every operation that
/// names a resource in its path, with user A's ids, plus every admin-only operation and every operation of the admin
/// service (all of which API.md reserves to admins, so a route that forgot its policy is caught too), and none may
/// succeed.
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class CrossUserWalkTests(ServicesBackend backend, ITestOutputHelper output)
{
    /// <summary>Routes whose resource is public to every user by design (API.md), so B reading them is correct.</summary>
    private static readonly HashSet<string> PublicToUsers =
    [
        // A country's national treasury balance is public.
        "GET /tokenomics/api/v1/treasury/{countryCode}/balance",
        // Proposals and their tallies are visible to every user (voting is open to all with enough trust).
        "GET /governance/api/v1/proposals/{id}",
        // A payment request's code is the capability to view and pay it: any signed-in payer holding it may (issue 14).
        "GET /tokenomics/api/v1/payment-requests/{code}", "POST /tokenomics/api/v1/payment-requests/{code}/pay",
    ];

    [Fact]
    public async Task A_stranger_succeeds_on_no_route_that_names_another_users_resource()
    {
        using var anonymous = backend.Anonymous();
        var documents = await ServiceDocument.FetchAllAsync(anonymous);
        using var owner = await backend.NewActiveUserAsync();
        using var partner = await backend.NewActiveUserAsync();
        using var stranger = await backend.NewActiveUserAsync();
        using var setup = new WalkSetup(backend, documents, owner, partner);
        foreach (var resource in WalkResources.All)
        {
            await resource.CreateAsync(setup);
        }
        output.WriteLine($"A={owner.UserId} B={stranger.UserId} C={partner.UserId}; ids: {setup.Ids}");
        setup.Notes.ForEach(note => output.WriteLine($"setup: {note}"));

        var offenders = new List<string>();
        var walked = new List<string>();
        var inconclusive = new List<string>();
        var audited = new List<(DocumentedOperation Operation, string RequestId)>();
        foreach (var operation in documents.SelectMany(d => d.Operations))
        {
            var names = operation.PathParameters;
            var adminService = operation.Document.Service == "admin";
            if (PublicToUsers.Contains(operation.ToString()) || (names.Count == 0 && !operation.IsAdminOnly && !adminService))
            {
                continue;
            }
            var missing = names.Where(name => setup.Ids.ForParameter(operation.Path, name) is null).ToList();
            if (missing.Count > 0)
            {
                offenders.Add($"{operation}: no id of A for {{{string.Join("}, {", missing)}}}; add a resource to WalkResources");
                continue;
            }

            var url = ServiceDocument.PathParameter().Replace(operation.Path, m => setup.Ids.ForParameter(operation.Path, m.Groups["name"].Value)!);
            url += Query(operation, setup.Ids);
            var body = operation.RequestSchema is { } schema
                ? new SampleBodies(operation.Document, setup.Ids, owner.UserId).For(schema)!.ToJsonString()
                : null;
            var requestId = $"walk-{Guid.NewGuid():N}";
            if (operation.IsAdminOnly || adminService)
            {
                audited.Add((operation, requestId));
            }
            var response = await stranger.Client.SendAsync(new HttpMethod(operation.Method), url, body,
                headers: new Dictionary<string, string> { ["X-Request-Id"] = requestId });
            walked.Add($"{operation.Method} {url} -> {(int)response.Status} {RouteProbe.Code(response)}");

            if ((int)response.Status is >= 200 and < 300 or >= 500)
            {
                offenders.Add($"{operation.Method} {url} as B answered {response}");
            }
            else if (response.Status == HttpStatusCode.BadRequest && RouteProbe.Code(response) != "invalid_body")
            {
                // The handler judged the input before the caller: not a pass for authorization, not a failure either.
                inconclusive.Add($"{operation.Method} {url} -> {response.Body}");
            }
            else if (RouteProbe.Code(response) == "invalid_body")
            {
                // A shape rejection proves nothing about authorization: the sample body must be fixed.
                offenders.Add($"{operation.Method} {url}: the walk's body was refused for its shape: {response.Body} (body {body})");
            }
        }
        walked.ForEach(output.WriteLine);
        inconclusive.ForEach(line => output.WriteLine($"inconclusive (400 before the caller was judged): {line}"));

        Assert.Contains(walked, line => line.StartsWith($"GET /identity/api/v1/users/{owner.UserId} ", StringComparison.Ordinal));
        Assert.Contains(walked, line => line.StartsWith("POST /admin/api/v1/bootstrap ", StringComparison.Ordinal));
        Assert.True(offenders.Count == 0,
            $"{offenders.Count} of {walked.Count} walked operations let B through or failed:\n{string.Join("\n", offenders)}" +
            $"\nsetup notes:\n{string.Join("\n", setup.Notes)}");
        await AssertAuditedAsync(audited, stranger.UserId);
    }

    /// <summary>Every administrative route B tried left one line in the audit log: B, the route, refused.</summary>
    private async Task AssertAuditedAsync(List<(DocumentedOperation Operation, string RequestId)> audited, string strangerId)
    {
        Assert.Contains(audited, a => a.Operation.ToString() == "GET /admin/api/v1/audit");
        var missing = new List<string>();
        foreach (var (operation, requestId) in audited)
        {
            // The line is written as the answer goes out, so it may trail the answer by a moment.
            try
            {
                await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"/admin/api/v1/audit?requestId={requestId}"),
                    found => found.Status == HttpStatusCode.OK && found.Json["items"]!.AsArray() is [{ } entry]
                        && entry["action"]?.ToString() == operation.ToString()
                        && entry["actorId"]?.ToString() == strangerId
                        && entry["outcome"]?.ToString() == "REFUSED",
                    $"the audit line of {operation}", TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException timeout)
            {
                missing.Add(timeout.Message);
            }
        }
        Assert.True(missing.Count == 0, $"{missing.Count} of {audited.Count} administrative attempts are not in the audit log as expected:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public async Task The_owner_reaches_her_own_resources_with_the_same_ids()
    {
        // The walk's 404s mean something only if the ids are real: A herself is served on her own routes.
        using var anonymous = backend.Anonymous();
        var documents = await ServiceDocument.FetchAllAsync(anonymous);
        using var owner = await backend.NewActiveUserAsync();
        using var partner = await backend.NewActiveUserAsync();
        using var setup = new WalkSetup(backend, documents, owner, partner);
        foreach (var resource in WalkResources.All)
        {
            await resource.CreateAsync(setup);
        }

        // Routes of services not in this build are skipped (CallAsync answers null); the first three always exist.
        string[] paths =
        [
            "/identity/api/v1/users/{id}", "/tokenomics/api/v1/wallets/{profileId}/balance", "/identity/api/v1/commands/{commandId}",
            "/organization/api/v1/organizations/{orgId}", "/loanpool/api/v1/loans/{loanId}", "/governance/api/v1/proposals/{id}",
        ];
        foreach (var path in paths)
        {
            var response = await setup.CallAsync(owner.Client, "GET", path);
            Assert.True(response is null or { Status: HttpStatusCode.OK }, $"A on {path}: {response}\nsetup notes:\n{string.Join("\n", setup.Notes)}");
        }
        Assert.NotNull(setup.Operation("GET", "/identity/api/v1/commands/{commandId}"));
        // The multi-signature transfer B tries to approve is really pending in A's organization.
        if (await setup.CallAsync(owner.Client, "GET", "/organization/api/v1/organizations/{orgId}/transactions/pending") is { } pending)
        {
            Assert.Contains(setup.Ids.ForParameter("", "pendingTxId")!, pending.Body);
        }
    }

    private static string Query(DocumentedOperation operation, WalkIds ids)
    {
        var required = operation.Parameters
            .Where(p => p["in"]?.ToString() == "query" && p["required"]?.GetValue<bool>() == true)
            .Select(p => p["name"]!.ToString())
            .Select(name => $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(ids.ForField(name) ?? "1")}")
            .ToList();
        return required.Count == 0 ? "" : "?" + string.Join("&", required);
    }
}
