using System.Net;
using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>
/// The seven OpenAPI documents on the all-in-one API port: served anonymously, exactly the service's routes, and for
/// every operation the security, error responses, headers and success schema the route really has.
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class OpenApiDocumentTests(ServicesBackend backend)
{
    /// <summary>POSTs that deliberately take no idempotency key.</summary>
    private static readonly HashSet<string> WritesWithoutIdempotency =
    [
        // Session routes answer with fresh secrets, which an idempotency store must never replay (IdentityApi).
        "POST /identity/api/v1/auth/login", "POST /identity/api/v1/auth/refresh", "POST /identity/api/v1/auth/logout",
        // Revoking every session of the caller twice is the same as once.
        "POST /identity/api/v1/auth/logout-all",
        // The second login step and enrolment answer with fresh secrets or consume one-time codes (IdentityApi.TwoFactor, AdminApi.SignIn).
        "POST /identity/api/v1/auth/two-factor", "POST /identity/api/v1/auth/two-factor/enrolment",
        "POST /admin/api/v1/two-factor/enrolment", "POST /admin/api/v1/two-factor/enrolment/confirm",
        // Ending a session or resetting a second factor twice is the same as once.
        "DELETE /admin/api/v1/sessions/{sessionId}", "DELETE /admin/api/v1/admins/{adminId}/sessions/{sessionId}",
        "DELETE /admin/api/v1/admins/{adminId}/two-factor",
        // One-time codes: every try counts against the code, and a stored answer would hide that; sending is rate-limited
        // per address, and a password-reset request answers the same whatever happened (IdentityApi.Verification).
        "POST /identity/api/v1/users/{id}/email-verification", "POST /identity/api/v1/users/{id}/email-verification/confirm",
        "POST /identity/api/v1/users/{id}/phone-verification", "POST /identity/api/v1/users/{id}/phone-verification/confirm",
        "POST /identity/api/v1/password-reset", "POST /identity/api/v1/password-reset/confirm",
        // A fee quote: a calculation with a body, it changes nothing.
        "POST /tax/api/v1/fees/calculate",
        // A 10 MB upload would have to be buffered to fingerprint it; a repeat is a second document its owner can delete.
        "POST /identity/api/v1/users/{id}/documents",
        // Each call mints a fresh short-lived link, a secret an idempotency store must not replay.
        "POST /identity/api/v1/documents/{documentId}/link",
    ];

    /// <summary>202s that accept something other than a ledger command: a password-reset mail (answered alike for any address).</summary>
    private static readonly HashSet<string> AcceptedWithoutCommand = ["POST /identity/api/v1/password-reset"];

    [Theory]
    [MemberData(nameof(ServiceDocument.AllServices), MemberType = typeof(ServiceDocument))]
    public async Task Each_service_serves_its_document_anonymously(string service)
    {
        using var anonymous = backend.Anonymous();

        var response = await anonymous.GetAsync(ServiceDocument.PathOf(service));

        Assert.True(response.Status == HttpStatusCode.OK, $"{service}: {response}");
        Assert.Equal("application/json", response.ContentType);
        var document = response.Json;
        Assert.StartsWith("3.", document["openapi"]!.ToString());
        Assert.Contains(service, document["info"]!["title"]!.ToString());
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.ToString());
        Assert.All(new ServiceDocument(service, (JsonObject)document).Operations,
            operation => Assert.StartsWith($"/{service}/api/v1/", operation.Path));
    }

    [Fact]
    public async Task A_document_name_that_is_no_service_is_not_found()
    {
        using var anonymous = backend.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/ledger/openapi/v1.json")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/tokenomics/openapi/v2.json")).Status);
    }

    [Theory]
    [MemberData(nameof(ServiceDocument.AllServices), MemberType = typeof(ServiceDocument))]
    public async Task Each_document_lists_exactly_the_routes_API_md_promises_for_its_service(string service)
    {
        using var anonymous = backend.Anonymous();
        var document = await ServiceDocument.FetchAsync(anonymous, service);
        var documented = document.Operations.Select(o => Normalize(o.Method, o.Path)).ToHashSet();
        var problems = new List<string>();

        foreach (var operation in document.Operations)
        {
            var probe = await RouteProbe.CallAnonymouslyAsync(anonymous, operation.Method, operation.Path);
            if (!RouteProbe.IsRouted(probe))
            {
                problems.Add($"documented but not served: {operation} -> {probe}");
            }
        }
        foreach (var (method, path) in PromisedRoutes.Of(service))
        {
            var probe = await RouteProbe.CallAnonymouslyAsync(anonymous, method, path);
            if (!RouteProbe.IsRouted(probe))
            {
                problems.Add($"promised by API.md but not served: {method} {path} -> {(int)probe.Status}");
            }
            else if (!documented.Contains(Normalize(method, path)))
            {
                problems.Add($"served but not documented: {method} {path} -> {(int)probe.Status}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(ServiceDocument.AllServices), MemberType = typeof(ServiceDocument))]
    public async Task Every_operation_states_its_security_errors_headers_and_success_schema(string service)
    {
        using var anonymous = backend.Anonymous();
        var document = await ServiceDocument.FetchAsync(anonymous, service);
        var problems = new List<string>();

        foreach (var operation in document.Operations)
        {
            void Expect(bool condition, string what)
            {
                if (!condition)
                {
                    problems.Add($"{operation}: {what}");
                }
            }

            var probe = await RouteProbe.CallAnonymouslyAsync(anonymous, operation.Method, operation.Path);
            var demandsToken = RouteProbe.DemandsToken(probe);
            Expect(operation.HasSecurity == demandsToken,
                $"security requirement {(operation.HasSecurity ? "present" : "absent")} but an anonymous call answered {(int)probe.Status} {RouteProbe.Code(probe)}");
            if (operation.HasSecurity)
            {
                Expect(IsProblem(document, operation.Response(401)), "no 401 problem response");
                Expect(IsProblem(document, operation.Response(403)), "no 403 problem response");
                var requirement = operation.Operation["security"]![0]!.AsObject();
                Expect(requirement.ContainsKey("Bearer"), "the security requirement does not name the Bearer scheme");
            }
            if (operation.IsWrite)
            {
                Expect(IsProblem(document, operation.Response(400)), "a write without a 400 problem response");
                if (!WritesWithoutIdempotency.Contains(operation.ToString()))
                {
                    var key = operation.Header("X-Idempotency-Key");
                    Expect(key?["required"]?.GetValue<bool>() == true, "a write without a required X-Idempotency-Key header");
                    Expect(IsProblem(document, operation.Response(409)), "an idempotent write without a 409 problem response");
                    Expect(operation.ResponseStatuses.Where(status => status is >= 200 and < 300)
                            .All(status => operation.Response(status)!["headers"]?["Idempotent-Replayed"] is not null),
                        "an idempotent write whose success does not announce Idempotent-Replayed");
                }
            }
            if (operation.PathParameters.Count > 0)
            {
                Expect(IsProblem(document, operation.Response(404)), "a path parameter but no 404 problem response");
            }
            if (operation.Response(202) is not null && AcceptedWithoutCommand.Contains(operation.ToString()))
            {
                Expect(operation.Header("Prefer") is null, "a 202 that is no ledger command documents the Prefer header");
            }
            else if (operation.Response(202) is not null)
            {
                Expect(operation.Header("Prefer") is not null, "a ledger command (202) without the Prefer header");
                Expect(document.Resolve(operation.Response(202)!["content"]?["application/json"]?["schema"])?["properties"]?["commandId"] is not null,
                    "a 202 without a commandId in its schema");
            }

            var successes = operation.ResponseStatuses.Where(status => status is >= 200 and < 300).ToList();
            Expect(successes.Count > 0, "no 2xx response");
            foreach (var status in successes.Where(status => status != 204))
            {
                // A Server-Sent Events stream documents its item schema under text/event-stream instead, an image under its type.
                var content = operation.Response(status)!["content"];
                var schema = content?["application/json"]?["schema"] ?? content?["text/event-stream"]?["schema"] ?? content?["image/png"]?["schema"]
                    // A document download (KYC documents) documents a binary schema under each file type it serves.
                    ?? content?["application/pdf"]?["schema"];
                Expect(document.Resolve(schema) is { Count: > 0 }, $"{status} has no application/json (or text/event-stream, image/png, application/pdf) schema");
            }
            if (operation.Response(429) is { } tooMany)
            {
                Expect(tooMany["headers"]?["Retry-After"] is not null, "a 429 without Retry-After");
            }
            foreach (var status in operation.ResponseStatuses.Where(status => status >= 400))
            {
                Expect(IsProblem(document, operation.Response(status)), $"{status} is not application/problem+json with the problem schema");
            }
        }

        var ids = document.Operations.Select(o => o.Operation["operationId"]?.ToString()).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Coin_amounts_and_problems_have_their_wire_form()
    {
        using var anonymous = backend.Anonymous();
        var tokenomics = await ServiceDocument.FetchAsync(anonymous, "tokenomics");
        var transfer = tokenomics.Operations.Single(o => o.ToString() == "POST /tokenomics/api/v1/transfers");

        var amount = tokenomics.Resolve(tokenomics.Resolve(transfer.RequestSchema)!["properties"]!["amount"])!;
        Assert.Equal("string", amount["type"]!.ToString());
        Assert.Matches(amount["pattern"]!.ToString(), "12.5");
        Assert.DoesNotMatch(amount["pattern"]!.ToString(), "1.0000001");

        var problem = tokenomics.Root["components"]!["schemas"]!["ProblemDetails"]!;
        Assert.NotNull(problem["properties"]!["code"]);
        Assert.NotNull(problem["properties"]!["errors"]);
    }

    [Fact]
    public async Task A_relationship_type_is_one_of_the_nine_kinds()
    {
        using var anonymous = backend.Anonymous();
        var identity = await ServiceDocument.FetchAsync(anonymous, "identity");
        var create = identity.Operations.Single(o => o.ToString() == "POST /identity/api/v1/relationships");

        var type = identity.Resolve(identity.Resolve(create.RequestSchema)!["properties"]!["type"])!;
        Assert.Equal("string", type["type"]!.ToString());
        Assert.Equal(["FATHER", "MOTHER", "SPOUSE", "CHILD", "SIBLING", "BUSINESS_PARTNER", "DIRECTOR", "WORKPLACE_ASSOCIATE", "FRIEND"],
            type["enum"]!.AsArray().Select(value => value!.ToString()));
        var link = identity.Resolve(identity.Root["components"]!["schemas"]!["RelationshipResponse"])!;
        Assert.Equal(9, link["properties"]!["type"]!["enum"]!.AsArray().Count);
    }

    private static bool IsProblem(ServiceDocument document, JsonObject? response) =>
        response?["content"]?["application/problem+json"]?["schema"] is { } schema
        && document.Resolve(schema)?["properties"]?["code"] is not null;

    /// <summary>"POST /x/{}" so that differently named parameters of the same route compare equal.</summary>
    private static string Normalize(string method, string path) => $"{method} {ServiceDocument.PathParameter().Replace(path, "{}")}";
}
