using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

/// <summary>One e-mail address: the first user to claim it keeps it.</summary>
public sealed class UserDirectoryGrain(
    [PersistentState("email", GxStorage.Name)] IPersistentState<UserDirectoryState> state) : Grain, IUserDirectoryGrain
{
    public async Task<Guid> ClaimAsync(Guid userId)
    {
        if (state.State.OwnerId is { } owner)
        {
            return owner;
        }
        state.State.OwnerId = userId;
        await state.WriteStateAsync();
        return userId;
    }

    public Task<Guid?> LookupAsync() => Task.FromResult(state.State.OwnerId);
}
