using Google.Protobuf;
using Grpc.Core;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Protos.Peer;
using GxProtocol.Fabric.Transactions;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The orderer's broadcast, on the submitting request's thread: refuses what an orderer refuses (unsigned, malformed,
/// wrong channel, a creator outside the Writers policy) and pre-validates the rest (tx id binding, this peer's
/// endorsement), so the single committer thread does no signature work. Its verdict travels in the
/// <see cref="PendingTransaction"/>.
/// </summary>
internal sealed class OrdererBroadcast : IDisposable
{
    private readonly DevLedgerOptions _options;
    private readonly IdentityRegistry _identities;
    private readonly IssuedEndorsements _issued;
    private readonly ByteString _peerCreator;
    private readonly CertificateIdentity _peerVerifier;

    public OrdererBroadcast(DevLedgerOptions options, IdentityRegistry identities, IssuedEndorsements issued, SigningIdentity peer)
    {
        _options = options;
        _identities = identities;
        _issued = issued;
        _peerCreator = peer.Creator;
        _peerVerifier = CertificateIdentity.Parse(peer.Creator);
    }

    /// <summary>The transaction to queue for the next block; throws the orderer's refusal as a gateway error.</summary>
    public PendingTransaction Accept(SubmitRequest request)
    {
        var envelope = request.PreparedTransaction
            ?? throw GatewayErrors.Plain(StatusCode.InvalidArgument, "a prepared transaction is required");
        if (envelope.Signature.IsEmpty)
        {
            throw GatewayErrors.Plain(StatusCode.InvalidArgument, "prepared transaction must be signed");
        }
        ParsedEnvelope parsed;
        try
        {
            parsed = ParsedEnvelope.Parse(envelope, _options.ChaincodeName);
        }
        catch (FormatException exception)
        {
            throw GatewayErrors.OrdererRefused("BAD_REQUEST", exception.Message);
        }
        if (parsed.ChannelId != _options.ChannelName || request.ChannelId != _options.ChannelName)
        {
            throw GatewayErrors.Plain(StatusCode.NotFound, $"failed to create block deliverer for channel `{request.ChannelId}`, missing OrdererConfig");
        }
        KnownCreator creator;
        try
        {
            creator = _identities.Resolve(parsed.Creator);
        }
        catch (FormatException exception)
        {
            throw GatewayErrors.OrdererRefused("FORBIDDEN", "creator is malformed: " + exception.Message);
        }
        if (creator.Role is null || !creator.Identity.Verify(parsed.PayloadBytes.Span, parsed.Signature.Span))
        {
            throw GatewayErrors.OrdererRefused("FORBIDDEN",
                "implicit policy evaluation failed - 0 sub-policies were satisfied, but this policy requires 1 of the 'Writers' sub-policies to be satisfied");
        }
        return new PendingTransaction(parsed, envelope.ToByteString(), PreValidate(parsed));
    }

    public void Dispose() => _peerVerifier.Dispose();

    /// <summary>Checks made once per transaction off the committer's thread: tx id binding and the endorsement.</summary>
    private int PreValidate(ParsedEnvelope parsed)
    {
        if (TransactionIds.Compute(parsed.Nonce.Span, parsed.Creator.Span) != parsed.TransactionId)
        {
            return (int)TxValidationCode.BadProposalTxid;
        }
        bool endorsed = parsed.Endorsements.Any(endorsement =>
            endorsement.Endorser.Equals(_peerCreator)
            && (_issued.Contains(endorsement.Signature) || _peerVerifier.Verify(Concat(parsed.ProposalResponsePayload, endorsement.Endorser), endorsement.Signature.Span)));
        return endorsed ? (int)TxValidationCode.Valid : (int)TxValidationCode.EndorsementPolicyFailure;
    }

    private static byte[] Concat(ByteString first, ByteString second)
    {
        var joined = new byte[first.Length + second.Length];
        first.Span.CopyTo(joined);
        second.Span.CopyTo(joined.AsSpan(first.Length));
        return joined;
    }
}
