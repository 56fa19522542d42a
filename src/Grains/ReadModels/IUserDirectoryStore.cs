using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.ReadModels;

/// <summary>
/// The user directory: one row per user, written by the user's grain whenever what the row shows changed (off-chain
/// registration, KYC and review as much as the ledger's activation and freezes), plus a status history. These rows do
/// not come from the ledger, so rebuilding the ledger read models leaves them alone.
/// </summary>
public interface IUserDirectoryStore
{
    /// <summary>Creates or replaces the row (its place in the list stays); a new status also adds a history step.</summary>
    Task UpsertUserAsync(UserDirectoryEntry entry, CancellationToken cancellationToken = default);

    Task<UserDirectoryEntry?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Newest first; the cursor is the one the previous page returned.</summary>
    Task<Page<UserDirectoryEntry>> ListUsersAsync(UserListQuery query, CancellationToken cancellationToken = default);

    /// <summary>Oldest first.</summary>
    Task<IReadOnlyList<UserStatusChange>> GetStatusHistoryAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Rows per status; a status nobody has is absent.</summary>
    Task<IReadOnlyDictionary<string, long>> CountUsersByStatusAsync(CancellationToken cancellationToken = default);
}
