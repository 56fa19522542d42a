using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>An admin's command about a wallet records the admin who gave it, as the system grain's commands do.</summary>
public sealed class ActingAdminGrainTests(MemoryLedgerClusterFixture fixture) : IClassFixture<MemoryLedgerClusterFixture>
{
    private readonly GrainJourney _journey = new(fixture.Client);

    [Fact]
    public async Task Freezing_and_unfreezing_a_wallet_are_owned_by_the_acting_admin()
    {
        await _journey.BootstrapAsync();
        var user = await _journey.ActiveUserAsync("MY");
        var freezingAdmin = Guid.NewGuid();
        var unfreezingAdmin = Guid.NewGuid();

        var freeze = await user.FreezeWalletAsync(freezingAdmin, Guid.NewGuid(), "acting admin check");
        var frozen = await _journey.WaitFinishedAsync(freeze.CommandId, TimeSpan.FromSeconds(30));
        Assert.Equal((CommandState.Committed, (Guid?)freezingAdmin), (frozen.State, frozen.OwnerUserId));
        await Eventually.MatchesAsync(() => user.GetWalletAsync(), w => w.Frozen, "the freeze to reach the wallet");

        var unfreeze = await user.UnfreezeWalletAsync(unfreezingAdmin, Guid.NewGuid());
        var unfrozen = await _journey.WaitFinishedAsync(unfreeze.CommandId, TimeSpan.FromSeconds(30));
        Assert.Equal((CommandState.Committed, (Guid?)unfreezingAdmin), (unfrozen.State, unfrozen.OwnerUserId));
    }
}
