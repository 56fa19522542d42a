using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Silo.ReadModels;

namespace GxProtocol.Backend.Tests.ReadModels;

/// <summary>Relationship rows: one contract for the memory and the PostgreSQL store.</summary>
public abstract class RelationshipStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly Guid _me = Guid.NewGuid();

    protected abstract IReadModelStore Store { get; }

    private IRelationshipStore Rows => (IRelationshipStore)Store;

    private static RelationshipView Link(Guid from, Guid to, string status = RelationshipView.Pending) =>
        new(Guid.NewGuid(), from, to, RelationshipTypes.Friend, status, T0, status == RelationshipView.Confirmed ? T0.AddMinutes(1) : null,
            status == RelationshipView.Rejected ? T0.AddMinutes(2) : null);

    private async Task<IReadOnlyList<Guid>> IdsAsync(string? direction, string? status, int limit = 10) =>
        (await Rows.ListRelationshipsAsync(new RelationshipListQuery(_me, direction, status, null, limit))).Items.Select(l => l.RelationshipId).ToList();

    [Fact]
    public async Task A_users_links_list_by_direction_and_status_newest_first()
    {
        var asked = Link(_me, Guid.NewGuid());
        var invited = Link(Guid.NewGuid(), _me);
        var confirmed = Link(_me, Guid.NewGuid(), RelationshipView.Confirmed);
        var strangers = Link(Guid.NewGuid(), Guid.NewGuid());
        foreach (var link in new[] { asked, invited, confirmed, strangers })
        {
            await Rows.UpsertRelationshipAsync(link);
        }

        Assert.Equal([confirmed.RelationshipId, invited.RelationshipId, asked.RelationshipId], await IdsAsync(null, null));
        Assert.Equal([confirmed.RelationshipId, asked.RelationshipId], await IdsAsync(RelationshipListQuery.Outgoing, null));
        Assert.Equal([invited.RelationshipId], await IdsAsync(RelationshipListQuery.Incoming, RelationshipView.Pending));
        Assert.Equal([invited.RelationshipId, asked.RelationshipId], await IdsAsync(null, RelationshipView.Pending));
        Assert.Empty(await IdsAsync(RelationshipListQuery.Incoming, RelationshipView.Confirmed));
    }

    [Fact]
    public async Task An_answer_replaces_the_row_in_place_and_pages_follow_the_cursor()
    {
        var first = Link(Guid.NewGuid(), _me);
        var second = Link(Guid.NewGuid(), _me);
        var third = Link(Guid.NewGuid(), _me);
        foreach (var link in new[] { first, second, third })
        {
            await Rows.UpsertRelationshipAsync(link);
        }
        await Rows.UpsertRelationshipAsync(first with { Status = RelationshipView.Rejected, RejectedAt = T0.AddMinutes(5) });

        var page = await Rows.ListRelationshipsAsync(new RelationshipListQuery(_me, null, null, null, 2));
        Assert.Equal([third.RelationshipId, second.RelationshipId], page.Items.Select(l => l.RelationshipId));
        var rest = await Rows.ListRelationshipsAsync(new RelationshipListQuery(_me, null, null, page.NextCursor, 2));
        var rejected = Assert.Single(rest.Items);
        Assert.Equal((first.RelationshipId, RelationshipView.Rejected, T0.AddMinutes(5)), (rejected.RelationshipId, rejected.Status, rejected.RejectedAt));
        Assert.Null(rest.NextCursor);
        Assert.Equal([first.RelationshipId], await IdsAsync(null, RelationshipView.Rejected));
    }
}

public sealed class InMemoryRelationshipStoreTests : RelationshipStoreContractTests
{
    protected override IReadModelStore Store { get; } = new InMemoryReadModelStore();
}

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class PostgresRelationshipStoreTests : RelationshipStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStoreScope<PostgresReadModelStore> _postgres = new(connectionString => new PostgresReadModelStore(connectionString));

    protected override IReadModelStore Store => _postgres.Store;

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();
}
