using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.Fabric.Transactions;

/// <summary>A signed proposal and the transaction id it carries.</summary>
public sealed record TransactionProposal(string TransactionId, SignedProposal SignedProposal);

/// <summary>
/// Builds chaincode proposals as the official Fabric clients do: an ENDORSER_TRANSACTION channel header, a
/// signature header {creator, nonce}, and a ChaincodeInvocationSpec whose first argument is the transaction name.
/// </summary>
public static class SignedProposalFactory
{
    public static TransactionProposal Create(
        SigningIdentity identity,
        string channelName,
        string chaincodeName,
        string transactionName,
        IReadOnlyList<string> arguments,
        byte[] nonce,
        DateTimeOffset timestamp)
    {
        string transactionId = TransactionIds.Compute(nonce, identity.Creator.Span);
        var chaincodeId = new ChaincodeID { Name = chaincodeName };
        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.EndorserTransaction,
            Timestamp = Timestamp.FromDateTimeOffset(timestamp),
            ChannelId = channelName,
            TxId = transactionId,
            Extension = new ChaincodeHeaderExtension { ChaincodeId = chaincodeId }.ToByteString(),
        };
        var signatureHeader = new SignatureHeader { Creator = identity.Creator, Nonce = ByteString.CopyFrom(nonce) };
        var header = new Header { ChannelHeader = channelHeader.ToByteString(), SignatureHeader = signatureHeader.ToByteString() };

        var input = new ChaincodeInput();
        input.Args.Add(ByteString.CopyFromUtf8(transactionName));
        foreach (string argument in arguments)
        {
            input.Args.Add(ByteString.CopyFromUtf8(argument));
        }
        var invocation = new ChaincodeInvocationSpec
        {
            ChaincodeSpec = new ChaincodeSpec { Type = ChaincodeSpec.Types.Type.Node, ChaincodeId = chaincodeId, Input = input },
        };
        var payload = new ChaincodeProposalPayload { Input = invocation.ToByteString() };
        var proposal = new Proposal { Header = header.ToByteString(), Payload = payload.ToByteString() };
        var proposalBytes = proposal.ToByteString();
        return new TransactionProposal(transactionId, new SignedProposal
        {
            ProposalBytes = proposalBytes,
            Signature = identity.SignToByteString(proposalBytes),
        });
    }
}
