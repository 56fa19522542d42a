using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.ReadModels;

/// <summary>Relationship rows in memory.</summary>
public sealed partial class InMemoryReadModelStore : IRelationshipStore
{
    private readonly Dictionary<Guid, (long Sequence, RelationshipView Link)> _relationships = [];

    public Task UpsertRelationshipAsync(RelationshipView link, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var sequence = _relationships.TryGetValue(link.RelationshipId, out var stored) ? stored.Sequence : ++_peopleSequence;
            _relationships[link.RelationshipId] = (sequence, link);
            return Task.CompletedTask;
        }
    }

    public Task<Page<RelationshipView>> ListRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken = default)
    {
        var before = Before(query.Cursor);
        lock (_gate)
        {
            var rows = _relationships.Values
                .Where(r => r.Sequence < before
                            && query.Direction switch
                            {
                                RelationshipListQuery.Outgoing => r.Link.FromUserId == query.UserId,
                                RelationshipListQuery.Incoming => r.Link.ToUserId == query.UserId,
                                _ => r.Link.Joins(query.UserId),
                            }
                            && (query.Status is null || r.Link.Status == query.Status))
                .OrderByDescending(r => r.Sequence)
                .Take(query.Limit + 1)
                .ToList();
            return Task.FromResult(PageOf(rows, query.Limit, r => r.Sequence, r => r.Link));
        }
    }
}
