using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.ReadModels;

/// <summary>
/// Relationship rows for listing a user's links, written by the relationship grain after each change of its state
/// (the grain stays the truth for one link). Off chain, so rebuilding the ledger read models leaves them alone.
/// </summary>
public interface IRelationshipStore
{
    /// <summary>Creates or replaces the link's row; a row keeps its place in the lists.</summary>
    Task UpsertRelationshipAsync(RelationshipView link, CancellationToken cancellationToken = default);

    /// <summary>Newest first; the cursor is the one the previous page returned.</summary>
    Task<Page<RelationshipView>> ListRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken = default);
}
