using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace GxProtocol.Backend.Tests.PaymentRequests;

/// <summary>Reads a QR code back from a PNG, as a payer's phone would: decode the pixels, then scan them.</summary>
public static class QrImage
{
    public static string Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var luminance = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = false, [DecodeHintType.TRY_HARDER] = true });
        return result?.Text ?? throw new InvalidOperationException($"No QR code found in the {image.Width}x{image.Height} image.");
    }
}
