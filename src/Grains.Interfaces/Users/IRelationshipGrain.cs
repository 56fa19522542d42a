using System.Security.Cryptography;
using System.Text;

namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// The one link between two users, keyed by <see cref="IdFor"/> of the pair: whoever asks first owns the link, so a
/// second request between the same two users (either direction, any type) is a duplicate. Off chain: the ledger
/// holds no relationships.
/// </summary>
[Alias("gx.IRelationshipGrain")]
public interface IRelationshipGrain : IGrainWithGuidKey
{
    /// <summary>Creates the PENDING link from <paramref name="fromUserId"/> to <paramref name="toUserId"/>.</summary>
    [Alias("Request")] Task<RelationshipView> RequestAsync(Guid fromUserId, Guid toUserId, string type);

    /// <summary>The invited user confirms; anyone else gets not-found. Confirming again answers the confirmed link.</summary>
    [Alias("Confirm")] Task<RelationshipView> ConfirmAsync(Guid callerId);

    /// <summary>The invited user turns a PENDING link down; anyone else gets not-found, a CONFIRMED link is a conflict.</summary>
    [Alias("Reject")] Task<RelationshipView> RejectAsync(Guid callerId);

    /// <summary>The link as either of its two users sees it; anyone else gets not-found.</summary>
    [Alias("Get")] Task<RelationshipView> GetAsync(Guid callerId);

    /// <summary>The relationship id of a pair of users, the same whichever of them is named first.</summary>
    public static Guid IdFor(Guid oneUser, Guid otherUser)
    {
        var (low, high) = oneUser.CompareTo(otherUser) <= 0 ? (oneUser, otherUser) : (otherUser, oneUser);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"relationship\n{low:D}\n{high:D}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
