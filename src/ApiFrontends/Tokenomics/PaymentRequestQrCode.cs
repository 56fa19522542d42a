using QRCoder;

namespace GxProtocol.ApiFrontends.Tokenomics;

/// <summary>The QR image of a payment request's signed payload.</summary>
public static class PaymentRequestQrCode
{
    /// <summary>Pixels per QR module: a ~60-module code becomes a ~500 px image, readable from a phone screen.</summary>
    private const int PixelsPerModule = 8;

    public static byte[] Png(string payload)
    {
        using var generator = new QRCodeGenerator();
        // M recovers ~15% damage: enough for a screen, smaller than Q/H for the same payload.
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}
