using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.ReadModels;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Users;

[StatelessWorker]
public sealed class RelationshipListGrain(IRelationshipStore store) : Grain, IRelationshipListGrain
{
    public Task<Page<RelationshipView>> ListAsync(RelationshipListQuery query) => store.ListRelationshipsAsync(query);
}
