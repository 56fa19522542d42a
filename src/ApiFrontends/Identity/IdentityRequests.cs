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

/// <summary>KYC evidence: either an uploaded document's <c>documentId</c> (its stored hash, size and type are used) or the three evidence fields.</summary>
public sealed record SubmitKycRequest(string? EvidenceHash = null, long? EvidenceSize = null, string? EvidenceMime = null, Guid? DocumentId = null);
