namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>Statuses and roles in the spelling of API.md, shared by the API and the read models.</summary>
public static class UserStatusNames
{
    public const string Registered = "REGISTERED";
    public const string PendingAdminApproval = "PENDING_ADMIN_APPROVAL";
    public const string ApprovedPendingOnchain = "APPROVED_PENDING_ONCHAIN";
    public const string Active = "ACTIVE";
    public const string Denied = "DENIED";
    public const string Frozen = "FROZEN";

    public static IReadOnlyList<string> All { get; } = [Registered, PendingAdminApproval, ApprovedPendingOnchain, Active, Denied, Frozen];

    public static string Of(UserStatus status) => status switch
    {
        UserStatus.Registered => Registered,
        UserStatus.PendingAdminApproval => PendingAdminApproval,
        UserStatus.ApprovedPendingOnchain => ApprovedPendingOnchain,
        UserStatus.Active => Active,
        UserStatus.Denied => Denied,
        UserStatus.Frozen => Frozen,
        _ => status.ToString().ToUpperInvariant(),
    };

    /// <summary>The status an administrator sees: a wallet the ledger froze is FROZEN whatever the profile says.</summary>
    public static string Of(UserStatus status, bool walletFrozen) => walletFrozen && status == UserStatus.Active ? Frozen : Of(status);
}
