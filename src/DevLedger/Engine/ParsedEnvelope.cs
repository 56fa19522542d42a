using Google.Protobuf;
using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Ledger.Rwset;
using GxProtocol.Fabric.Protos.Ledger.Rwset.Kvrwset;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The parts of an endorser transaction envelope the orderer and committer look at. Parsing throws
/// <see cref="FormatException"/> (the orderer's BAD_REQUEST) when the envelope is not an endorser transaction.
/// </summary>
internal sealed record ParsedEnvelope(
    string TransactionId,
    string ChannelId,
    ByteString Creator,
    ByteString Nonce,
    ByteString PayloadBytes,
    ByteString Signature,
    ByteString ProposalResponsePayload,
    IReadOnlyList<Endorsement> Endorsements,
    KVRWSet ReadWriteSet,
    ChaincodeEvent? Event)
{
    public static ParsedEnvelope Parse(Envelope envelope, string chaincodeName)
    {
        try
        {
            var payload = Payload.Parser.ParseFrom(envelope.Payload);
            var channelHeader = ChannelHeader.Parser.ParseFrom(payload.Header?.ChannelHeader ?? ByteString.Empty);
            if (channelHeader.Type != (int)HeaderType.EndorserTransaction)
            {
                throw new FormatException($"unsupported header type {channelHeader.Type}");
            }
            var signatureHeader = SignatureHeader.Parser.ParseFrom(payload.Header!.SignatureHeader);
            var transaction = Transaction.Parser.ParseFrom(payload.Data);
            if (transaction.Actions.Count != 1)
            {
                throw new FormatException($"expected one transaction action, found {transaction.Actions.Count}");
            }
            var actionPayload = ChaincodeActionPayload.Parser.ParseFrom(transaction.Actions[0].Payload);
            var endorsed = actionPayload.Action ?? throw new FormatException("the transaction has no endorsed action");
            var responsePayload = Fabric.Protos.Peer.ProposalResponsePayload.Parser.ParseFrom(endorsed.ProposalResponsePayload);
            var action = ChaincodeAction.Parser.ParseFrom(responsePayload.Extension);
            var readWriteSet = TxReadWriteSet.Parser.ParseFrom(action.Results);
            var namespaceSet = readWriteSet.NsRwset.FirstOrDefault(ns => ns.Namespace == chaincodeName);
            var kv = namespaceSet is null ? new KVRWSet() : KVRWSet.Parser.ParseFrom(namespaceSet.Rwset);
            ChaincodeEvent? chaincodeEvent = action.Events.IsEmpty ? null : ChaincodeEvent.Parser.ParseFrom(action.Events);
            return new ParsedEnvelope(channelHeader.TxId, channelHeader.ChannelId, signatureHeader.Creator, signatureHeader.Nonce,
                envelope.Payload, envelope.Signature, endorsed.ProposalResponsePayload, endorsed.Endorsements, kv, chaincodeEvent);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new FormatException("malformed transaction envelope: " + exception.Message, exception);
        }
        catch (NullReferenceException exception)
        {
            throw new FormatException("incomplete transaction envelope", exception);
        }
    }
}
