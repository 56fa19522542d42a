using GxProtocol.ApiFrontends.Identity;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.ApiFrontends.Admin;

/// <summary>One user in the administrators' list.</summary>
public sealed record UserListItem(
    Guid UserId, string Email, string FirstName, string LastName, string NationalityCountryCode, string Status, string Role,
    string KycStatus, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt)
{
    public static UserListItem From(UserDirectoryEntry entry) => new(entry.UserId, entry.Email, entry.FirstName, entry.LastName,
        entry.NationalityCountryCode, entry.Status, entry.Role, entry.KycStatus, entry.RegisteredAt, entry.UpdatedAt);
}

public sealed record UserListPage(IReadOnlyList<UserListItem> Items, string? NextCursor);

/// <summary>A wallet in coins.</summary>
public sealed record WalletSummary(string Balance, string PendingHolds, string Available, bool Frozen);

/// <summary>Everything an administrator needs to judge a user: profile, KYC, status history (oldest first), wallet, trust.</summary>
public sealed record AdminUserDetailResponse(
    UserResponse Profile, KycView Kyc, IReadOnlyList<UserStatusChange> StatusHistory, WalletSummary Wallet, TrustScoreResponse TrustScore);
