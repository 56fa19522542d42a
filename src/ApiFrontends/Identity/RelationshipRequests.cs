namespace GxProtocol.ApiFrontends.Identity;

/// <summary>
/// POST /relationships: the caller asks <see cref="ToUserId"/> to confirm a link of kind <see cref="Type"/>, naming
/// what the invited user is to the caller (FATHER: the invited user is the caller's father). Case does not matter;
/// the older family, business and friend are accepted as SIBLING, BUSINESS_PARTNER and FRIEND.
/// </summary>
public sealed record CreateRelationshipRequest(Guid ToUserId, string Type);
