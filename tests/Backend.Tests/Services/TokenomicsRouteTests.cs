using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The tokenomics routes that existed before the per-service suites, on the shared backend.</summary>
[Collection(ServicesCollection.Name)]
public sealed class TokenomicsRouteTests(ServicesBackend backend)
{
    [Fact]
    public async Task A_balance_is_served_to_its_owner_and_hidden_from_others_and_strangers()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var path = $"/tokenomics/api/v1/wallets/{alice.UserId}/balance";

        var own = await JourneyDriver.WaitForBalanceAsync(alice.Client, alice.UserId, "500");
        Assert.Equal("500", own["available"]);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await backend.SuperAdmin.GetAsync(path)).Status);
    }

    [Fact]
    public async Task A_transfer_with_a_malformed_amount_names_the_field()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();

        var bad = await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount = "1.0000001" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("amount", bad.Body);
    }
}
