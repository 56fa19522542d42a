using GxProtocol.Grains.PaymentRequests;
using Microsoft.Extensions.Options;

namespace GxProtocol.Backend.Tests.PaymentRequests;

/// <summary>
/// Silos of one deployment that share only <c>Gx:Jwt:SigningKey</c> derive the same payload key, so a payload signed on
/// one verifies on another after the request's grain moves; another deployment's key does not verify it.
/// </summary>
public sealed class PaymentRequestSignerTests
{
    private static readonly string JwtKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_payload_signed_with_a_key_derived_from_the_shared_JWT_key_verifies_on_every_silo_and_nowhere_else()
    {
        var request = new PaymentRequestState
        {
            Code = "QS-34679ACD",
            PayeeId = Guid.NewGuid(),
            AmountQirat = 12_500_000,
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000),
        };
        var siloA = Signer(PaymentRequestOptions.DeriveFromJwtKey(JwtKey));
        var siloB = Signer(PaymentRequestOptions.DeriveFromJwtKey(JwtKey));
        var elsewhere = Signer(PaymentRequestOptions.DeriveFromJwtKey(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));

        var payload = siloA.PayloadFor(request);

        Assert.NotEqual(JwtKey, PaymentRequestOptions.DeriveFromJwtKey(JwtKey));
        Assert.StartsWith("GXPAY1.QS-34679ACD.12500000.", payload);
        Assert.True(siloB.IsPayloadOf(payload, request));
        Assert.False(elsewhere.IsPayloadOf(payload, request));
        var moreExpensive = new PaymentRequestState
        {
            Code = request.Code,
            PayeeId = request.PayeeId,
            AmountQirat = request.AmountQirat + 1,
            ExpiresAt = request.ExpiresAt,
        };
        Assert.False(siloB.IsPayloadOf(payload, moreExpensive));
    }

    private static PaymentRequestSigner Signer(string key) => new(Options.Create(new PaymentRequestOptions { SigningKey = key }));
}
