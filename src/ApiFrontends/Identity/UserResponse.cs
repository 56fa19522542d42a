using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>A user's profile as the API shows it; statuses and roles in the spelling of API.md.</summary>
public sealed record UserResponse(
    Guid UserId,
    string Email,
    string FirstName,
    string LastName,
    string? PhoneNum,
    string? IdentityNum,
    string NationalityCountryCode,
    DateOnly DateOfBirth,
    string Status,
    string Role,
    DateTimeOffset RegisteredAt)
{
    public static UserResponse From(UserProfile p) => new(p.UserId, p.Email, p.FirstName, p.LastName, p.PhoneNum,
        p.IdentityNum, p.NationalityCountryCode, p.DateOfBirth, StatusName(p.Status), RoleName(p.Role), p.RegisteredAt);

    public static string StatusName(UserStatus status) => status switch
    {
        UserStatus.Registered => "REGISTERED",
        UserStatus.PendingAdminApproval => "PENDING_ADMIN_APPROVAL",
        UserStatus.ApprovedPendingOnchain => "APPROVED_PENDING_ONCHAIN",
        UserStatus.Active => "ACTIVE",
        UserStatus.Denied => "DENIED",
        UserStatus.Frozen => "FROZEN",
        _ => status.ToString().ToUpperInvariant(),
    };

    public static string RoleName(UserRole role) => Infrastructure.Auth.GxRoles.From(role);
}

public sealed record LoginResponse(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, UserResponse User);
