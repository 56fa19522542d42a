using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.ReadModels;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Users;

[StatelessWorker]
public sealed class UserListGrain(IUserDirectoryStore store) : Grain, IUserListGrain
{
    public Task<Page<UserDirectoryEntry>> ListAsync(UserListQuery query) => store.ListUsersAsync(query);

    public Task<UserDirectoryEntry?> GetAsync(Guid userId) => store.GetUserAsync(userId);

    public Task<IReadOnlyList<UserStatusChange>> GetStatusHistoryAsync(Guid userId) => store.GetStatusHistoryAsync(userId);

    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync()
    {
        var counts = await store.CountUsersByStatusAsync();
        return UserStatusNames.All.ToDictionary(status => status, status => counts.GetValueOrDefault(status));
    }
}
