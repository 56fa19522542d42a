namespace GxProtocol.ApiFrontends.Documents;

/// <summary>
/// The accepted document types, recognised by their first bytes only: a file name or a declared Content-Type says
/// nothing about what a file is.
/// </summary>
public static class DocumentContentTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeaderBytes = 12;

    public static readonly IReadOnlyList<string> All = [Jpeg, Png, WebP, Pdf];

    /// <summary>The type the bytes start with, or null when they are none of the accepted types.</summary>
    public static string? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        return header.StartsWith("%PDF-"u8) ? Pdf : null;
    }
}
