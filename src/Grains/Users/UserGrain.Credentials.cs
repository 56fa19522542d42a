namespace GxProtocol.Grains.Users;

/// <summary>Credentials: the stored password hash is upgraded in place when the work factor rises.</summary>
public sealed partial class UserGrain
{
    public async Task<bool> UpgradePasswordHashAsync(string currentHash, string upgradedHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(upgradedHash);
        if (State.Profile is null || State.PasswordHash != currentHash)
        {
            return false;
        }
        State.PasswordHash = upgradedHash;
        await state.WriteStateAsync();
        return true;
    }
}
