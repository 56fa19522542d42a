using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// The administrators' view of every user, from the user directory read model. Stateless: any silo answers. The
/// list and the per-status counts come from the same rows, so they agree.
/// </summary>
[Alias("gx.IUserListGrain")]
public interface IUserListGrain : IGrainWithIntegerKey
{
    [Alias("List")] Task<Page<UserDirectoryEntry>> ListAsync(UserListQuery query);

    [Alias("Get")] Task<UserDirectoryEntry?> GetAsync(Guid userId);

    /// <summary>Oldest first.</summary>
    [Alias("GetStatusHistory")] Task<IReadOnlyList<UserStatusChange>> GetStatusHistoryAsync(Guid userId);

    /// <summary>Users per status (API.md spelling); every status is present, zero when nobody has it.</summary>
    [Alias("CountByStatus")] Task<IReadOnlyDictionary<string, long>> CountByStatusAsync();
}
