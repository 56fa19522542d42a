namespace GxProtocol.ApiFrontends.Identity;

/// <summary>POST /relationships: the caller asks <see cref="ToUserId"/> to confirm a family, business or friend link.</summary>
public sealed record CreateRelationshipRequest(Guid ToUserId, string Type);
