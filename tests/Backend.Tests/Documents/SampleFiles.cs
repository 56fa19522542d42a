using System.Text;

namespace GxProtocol.Backend.Tests.Documents;

/// <summary>Small files whose first bytes are those of each accepted type (the rest need not be a valid image).</summary>
internal static class SampleFiles
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01];

    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0xFF, 0xD9];

    public static readonly byte[] WebP = [.. "RIFF"u8, 0x1A, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8, 0x0E, 0x00, 0x00, 0x00, 0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A];

    public static readonly byte[] Text = Encoding.ASCII.GetBytes("This is a plain text file, not a PDF, whatever its name says.\n");

    /// <summary>A PDF carrying the EICAR string in a stream object: the type is accepted, the scanner must still refuse it.</summary>
    public static readonly byte[] InfectedPdf = [.. "%PDF-1.4\n1 0 obj\n<< /Length 68 >>\nstream\n"u8, .. ClamdProcess.Eicar, .. "\nendstream\nendobj\n%%EOF\n"u8];

    /// <summary>A PDF of exactly <paramref name="size"/> bytes.</summary>
    public static byte[] PdfOfSize(int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)'A');
        Pdf.AsSpan(0, 9).CopyTo(bytes);
        return bytes;
    }
}
