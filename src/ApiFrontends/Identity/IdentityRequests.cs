namespace GxProtocol.ApiFrontends.Identity;

public sealed record RegisterUserRequest(
    string Email,
    string Password,
    string FirstName,
    string LastName,
    string? PhoneNum,
    string? IdentityNum,
    string NationalityCountryCode,
    DateOnly DateOfBirth);

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record UpdateProfileRequest(string? FirstName, string? LastName, string? PhoneNum);

public sealed record SubmitKycRequest(string EvidenceHash, long EvidenceSize, string EvidenceMime);
