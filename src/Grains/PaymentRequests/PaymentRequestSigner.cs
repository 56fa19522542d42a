using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.PaymentRequests;

/// <summary>
/// The QR payload of a request: <c>GXPAY1.&lt;code&gt;.&lt;amount in Qirat&gt;.&lt;payee id&gt;.&lt;expiry, Unix seconds&gt;.&lt;signature&gt;</c>,
/// the signature being base64url HMAC-SHA256 of everything before it. A payer's app can show amount and expiry
/// offline and trust them; the server accepts a payload only when it is exactly the one it signed for that request.
/// </summary>
public sealed class PaymentRequestSigner(IOptions<PaymentRequestOptions> options)
{
    public const string Scheme = "GXPAY1";

    private readonly byte[] _key = Convert.FromBase64String(options.Value.SigningKey!);

    public string PayloadFor(PaymentRequestState request)
    {
        var unsigned = string.Join('.', Scheme, request.Code, request.AmountQirat.ToString(CultureInfo.InvariantCulture),
            request.PayeeId.ToString("N"), request.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return $"{unsigned}.{Signature(unsigned)}";
    }

    /// <summary>True when <paramref name="payload"/> carries a valid signature and describes <paramref name="request"/> exactly.</summary>
    public bool IsPayloadOf(string payload, PaymentRequestState request)
    {
        var lastDot = payload.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Signature(payload[..lastDot]));
        var given = Encoding.ASCII.GetBytes(payload[(lastDot + 1)..]);
        // Signature first, in constant time; only a payload we signed is compared field by field with the request.
        return CryptographicOperations.FixedTimeEquals(expected, given)
            && string.Equals(payload, PayloadFor(request), StringComparison.Ordinal);
    }

    private string Signature(string unsigned) =>
        Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(unsigned)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
