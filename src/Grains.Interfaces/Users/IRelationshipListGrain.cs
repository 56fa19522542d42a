using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>A user's relationships from the relationship read model. Stateless: any silo answers.</summary>
[Alias("gx.IRelationshipListGrain")]
public interface IRelationshipListGrain : IGrainWithIntegerKey
{
    [Alias("List")] Task<Page<RelationshipView>> ListAsync(RelationshipListQuery query);
}
