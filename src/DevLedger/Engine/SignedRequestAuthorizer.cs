using Google.Protobuf;
using Grpc.Core;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The gateway's check of a signed read request (commit status, chaincode events): a registered identity that signed
/// the request bytes. One class because both requests refuse with the same PermissionDenied wording a peer uses.
/// </summary>
internal sealed class SignedRequestAuthorizer(IdentityRegistry identities)
{
    private readonly IdentityRegistry _identities = identities;

    /// <summary>Throws PermissionDenied unless <paramref name="identity"/> is registered and signed <paramref name="request"/>.</summary>
    public void Authorize(ByteString identity, ByteString request, ByteString signature)
    {
        KnownCreator creator;
        try
        {
            creator = _identities.Resolve(identity);
        }
        catch (FormatException exception)
        {
            throw GatewayErrors.Plain(StatusCode.PermissionDenied, "failed to deserialize identity: " + exception.Message);
        }
        if (creator.Role is null)
        {
            throw GatewayErrors.Plain(StatusCode.PermissionDenied, $"access denied: identity of MSP [{creator.Identity.MspId}] is not registered with the DevLedger");
        }
        if (!creator.Identity.Verify(request.Span, signature.Span))
        {
            throw GatewayErrors.Plain(StatusCode.PermissionDenied, "access denied: the signature over the request is not valid");
        }
    }
}
