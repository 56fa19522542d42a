namespace GxProtocol.ApiFrontends.Identity;

public sealed record RegisterUserRequest(
    string Email,
    string Password,
    string FirstName,
    string LastName,
    string NationalityCountryCode,
    DateOnly DateOfBirth,
    string? PhoneNum = null,
    string? IdentityNum = null);

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record UpdateProfileRequest(string? FirstName = null, string? LastName = null, string? PhoneNum = null);

public sealed record SubmitKycRequest(string EvidenceHash, long EvidenceSize, string EvidenceMime);
