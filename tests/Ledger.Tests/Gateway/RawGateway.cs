using Google.Protobuf;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Transactions;

namespace GxProtocol.Ledger.Tests.Gateway;

/// <summary>Protocol-level steps for tests that must control what the client would otherwise do in one call.</summary>
public static class RawGateway
{
    public static TransactionProposal Propose(SigningIdentity identity, string transactionName, string[] arguments, string commandId) =>
        SignedProposalFactory.Create(identity, "gxchannel", "gxtv3", transactionName, arguments,
            TransactionIds.NonceForCommand(commandId), DateTimeOffset.UtcNow);

    /// <summary>Endorses and signs the prepared transaction, without submitting it.</summary>
    public static async Task<(string TransactionId, Envelope Envelope)> EndorseAsync(
        Fabric.Protos.Gateway.Gateway.GatewayClient gateway, SigningIdentity identity, string transactionName, string[] arguments, string commandId)
    {
        var proposal = Propose(identity, transactionName, arguments, commandId);
        var response = await gateway.EndorseAsync(new EndorseRequest
        {
            TransactionId = proposal.TransactionId,
            ChannelId = "gxchannel",
            ProposedTransaction = proposal.SignedProposal,
        });
        var envelope = response.PreparedTransaction;
        envelope.Signature = identity.SignToByteString(envelope.Payload);
        return (proposal.TransactionId, envelope);
    }

    public static async Task SubmitAsync(Fabric.Protos.Gateway.Gateway.GatewayClient gateway, string transactionId, Envelope envelope) =>
        await gateway.SubmitAsync(new SubmitRequest { TransactionId = transactionId, ChannelId = "gxchannel", PreparedTransaction = envelope });

    public static SignedCommitStatusRequest CommitStatusRequest(SigningIdentity identity, string transactionId)
    {
        var request = new CommitStatusRequest { TransactionId = transactionId, ChannelId = "gxchannel", Identity = identity.Creator }.ToByteString();
        return new SignedCommitStatusRequest { Request = request, Signature = identity.SignToByteString(request) };
    }

    public static SigningIdentity SigningIdentityOf(PemIdentity pem) =>
        SigningIdentity.FromPem(LedgerFixture.ClientMspId, pem.CertificatePem, pem.PrivateKeyPem);
}
