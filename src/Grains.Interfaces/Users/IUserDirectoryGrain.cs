namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>Keeps e-mail addresses unique: one grain per normalised address, holding the id of the user who owns it.</summary>
[Alias("gx.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Claims the address for <paramref name="userId"/>; returns the owner, which differs when it was taken.</summary>
    [Alias("Claim")] Task<Guid> ClaimAsync(Guid userId);
    [Alias("Lookup")] Task<Guid?> LookupAsync();

    public static string KeyFor(string email) => email.Trim().ToLowerInvariant();
}
