using System.Net;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>GET /identity/api/v1/commands/{id}/status in the original backend's shape.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class CommandStatusCompatibilityTests(ServicesBackend backend)
{
    [Fact]
    public async Task A_committed_transfer_reads_CONFIRMED_with_its_transaction_and_block_to_its_owner_only()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        var transfer = await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount = "1" }, preferWait: 20);
        AssertCommitted(transfer, "transfer");
        var ours = await alice.Client.GetAsync($"/identity/api/v1/commands/{transfer["commandId"]}");

        var original = await alice.Client.GetAsync($"/identity/api/v1/commands/{transfer["commandId"]}/status");

        Assert.Equal(HttpStatusCode.OK, original.Status);
        Assert.Equal("CONFIRMED", original["status"]);
        Assert.Equal(ours["txId"], original.Json["result"]!["transactionId"]!.ToString());
        Assert.Equal(ours["blockNumber"], original.Json["result"]!["blockNumber"]!.ToString());
        Assert.Null(original.Json["error"]);
        Assert.Equal("CONFIRMED", (await backend.SuperAdmin.GetAsync($"/identity/api/v1/commands/{transfer["commandId"]}/status"))["status"]);
        AssertProblem(await bob.Client.GetAsync($"/identity/api/v1/commands/{transfer["commandId"]}/status"), HttpStatusCode.NotFound);
        AssertProblem(await alice.Client.GetAsync($"/identity/api/v1/commands/{Guid.NewGuid()}/status"), HttpStatusCode.NotFound);
        using var anonymous = backend.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/identity/api/v1/commands/{transfer["commandId"]}/status")).Status);
    }
}
