namespace GxProtocol.ApiFrontends.Infrastructure.Auth;

/// <summary>Short JWT claim names, kept as-is on the principal because inbound claim mapping is off.</summary>
public static class GxClaimTypes
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
}
