using System.Net;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>
/// A frontend in its own process (<c>--service tokenomics</c>, an Orleans client of an embedded silo) serves the same
/// tokenomics document as the silo's all-in-one port, and no other service's.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class StandaloneFrontendOpenApiTests
{
    [Fact]
    public async Task The_tokenomics_frontend_serves_its_own_document_and_no_other()
    {
        var signingKey = JwtOptions.GenerateDevelopmentKey();
        var gatewayPort = FreePorts.Next();
        await using var silo = await HostProcess.StartSiloAsync(new Dictionary<string, string>
        {
            ["Gx:Host:GatewayPort"] = gatewayPort.ToString(),
            ["Gx:Jwt:SigningKey"] = signingKey,
        }, TimeSpan.FromSeconds(90));
        await using var frontend = await HostProcess.StartFrontendAsync("tokenomics", new Dictionary<string, string>
        {
            ["Gx:Host:GatewayPort"] = gatewayPort.ToString(),
            ["Gx:Jwt:SigningKey"] = signingKey,
        }, TimeSpan.FromSeconds(90));
        using var viaSilo = new GxApiClient(silo.ApiBase);
        using var viaFrontend = new GxApiClient(frontend.ApiBase);

        var own = await viaFrontend.GetAsync(ServiceDocument.PathOf("tokenomics"));
        var other = await viaFrontend.GetAsync(ServiceDocument.PathOf("identity"));

        Assert.True(own.Status == HttpStatusCode.OK && own.ContentType == "application/json", $"frontend tokenomics document: {own}");
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        var fromFrontend = new ServiceDocument("tokenomics", own.Json.AsObject()).Operations.Select(o => o.ToString()).Order().ToList();
        var fromSilo = (await ServiceDocument.FetchAsync(viaSilo, "tokenomics")).Operations.Select(o => o.ToString()).Order().ToList();
        Assert.Contains("POST /tokenomics/api/v1/transfers", fromFrontend);
        Assert.Equal(fromSilo, fromFrontend);
    }
}
