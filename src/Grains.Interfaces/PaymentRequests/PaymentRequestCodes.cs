using System.Security.Cryptography;

namespace GxProtocol.Grains.Interfaces.PaymentRequests;

/// <summary>
/// Payment request codes: "QS-" and 8 characters drawn at random from an alphabet without look-alikes (no 0/O, 1/I/L,
/// 5/S, 2/Z, 8/B), so a code read aloud or typed from a screen survives. 25^8 is about 1.5e11 codes.
/// </summary>
public static class PaymentRequestCodes
{
    public const string Prefix = "QS-";
    public const int Length = 8;
    public const string Alphabet = "34679ACDEFGHJKMNPQRTUVWXY";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Upper-cases a code as typed; null when it cannot be one (then it names no request).</summary>
    public static string? Normalize(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant();
        return upper is { Length: 11 } && upper.StartsWith(Prefix, StringComparison.Ordinal) && upper[Prefix.Length..].All(c => Alphabet.Contains(c))
            ? upper
            : null;
    }
}
