using System.Globalization;

namespace GxProtocol.Contract;

/// <summary>
/// IdentityContract:CreateUser. Parse upper-cases the nationality and lower-cases the evidence hash; the fourth
/// argument is sent only when there is a hash.
/// </summary>
public sealed record CreateUserArgs(string UserId, string Nationality, int Age, string? KycEvidenceHash = null)
{
    public const int MaxAge = 150;

    public static CreateUserArgs Parse(ContractArgs args)
    {
        args.ExpectCount(3, 4);
        return new CreateUserArgs(
            args.Id(0, "userId"), args.CountryCode(1, "nationality"), args.Int(2, "age", 0, MaxAge), args.OptionalSha256(3, "kycEvidenceHash"));
    }

    public string[] ToArguments() => KycEvidenceHash is { } hash
        ? [UserId, Nationality, Age.ToString(CultureInfo.InvariantCulture), hash]
        : [UserId, Nationality, Age.ToString(CultureInfo.InvariantCulture)];
}
