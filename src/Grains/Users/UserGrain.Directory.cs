using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.ReadModels;

namespace GxProtocol.Grains.Users;

/// <summary>
/// Keeps the user's row in the administrators' directory in step with this grain. UserDirectoryCallFilter calls it at
/// the end of every call the grain handles (ledger deliveries included), so each change the grain makes reaches the
/// row in the grain's own order, without the command code having to remember it.
/// </summary>
public sealed partial class UserGrain
{
    /// <summary>What this activation last wrote; null after activation, so the first call writes (and backfills) the row.</summary>
    private UserDirectoryEntry? _directoryRow;

    internal async Task SyncDirectoryAsync(IUserDirectoryStore store)
    {
        if (State.Profile is not { } profile)
        {
            return;
        }
        var row = new UserDirectoryEntry(UserId, profile.Email, profile.FirstName, profile.LastName, profile.NationalityCountryCode,
            UserStatusNames.Of(profile.Status, State.Frozen), RoleName(profile.Role), State.Kyc.Status, profile.RegisteredAt, default);
        if (row == _directoryRow)
        {
            return;
        }
        await store.UpsertUserAsync(row with { UpdatedAt = clock.GetUtcNow() });
        _directoryRow = row;
    }

    private static string RoleName(UserRole role) => role switch
    {
        UserRole.Admin => "admin",
        UserRole.SuperAdmin => "super_admin",
        _ => "user",
    };
}
