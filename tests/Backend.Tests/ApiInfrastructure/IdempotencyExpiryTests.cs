using GxProtocol.Grains;
using GxProtocol.Grains.Interfaces.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

/// <summary>Own cluster, because its clock is moved a day ahead.</summary>
public sealed class IdempotencyExpiryTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGxMemoryGrainStorage();
            silo.Services.AddSingleton<TimeProvider>(_clock);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_stored_response_expires_after_24_hours_on_next_access_and_on_reactivation()
    {
        var active = _cluster.Client.GetGrain<IIdempotencyGrain>("expiry:active");
        var parked = _cluster.Client.GetGrain<IIdempotencyGrain>("expiry:parked");
        foreach (var grain in new[] { active, parked })
        {
            await grain.BeginAsync("h");
            await grain.CompleteAsync("h", new StoredResponse(202, null, [], null));
        }
        await _cluster.DeactivateAsync(((GrainReference)parked).GrainId);

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(IdempotencyOutcome.Replay, (await active.BeginAsync("h")).Outcome);

        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(IdempotencyOutcome.Proceed, (await active.BeginAsync("other")).Outcome);
        Assert.Equal(IdempotencyOutcome.Proceed, (await parked.BeginAsync("other")).Outcome);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
