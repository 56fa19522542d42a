namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>REGISTERED -> PENDING_ADMIN_APPROVAL -> APPROVED_PENDING_ONCHAIN -> ACTIVE | DENIED; ACTIVE <-> FROZEN.</summary>
public enum UserStatus
{
    Registered = 0,
    PendingAdminApproval = 1,
    ApprovedPendingOnchain = 2,
    Active = 3,
    Denied = 4,
    Frozen = 5,
}
