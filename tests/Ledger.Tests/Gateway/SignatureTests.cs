using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.Core;
using GxProtocol.Fabric;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Gateway;

namespace GxProtocol.Ledger.Tests.Gateway;

public sealed class SignatureTests
{
    [Fact]
    public void Signatures_are_always_low_S_DER_and_verify()
    {
        var pem = DevelopmentIdentity.Create("low-s");
        using var identity = RawGateway.SigningIdentityOf(pem);
        using var verifier = CertificateIdentity.Parse(identity.Creator);
        int highSBefore = 0;
        using var key = ECDsa.Create();
        key.ImportFromPem(pem.PrivateKeyPem);
        for (int i = 0; i < 200; i++)
        {
            byte[] message = BitConverter.GetBytes(i);
            // The raw library signature is high-S about half the time: proof that normalisation is doing work.
            byte[] raw = key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            Assert.True(LowSSignatures.TryDecodeDer(raw, out _, out var rawS));
            if (!LowSSignatures.IsLowS(rawS))
            {
                highSBefore++;
            }

            byte[] signature = identity.Sign(message);
            Assert.True(LowSSignatures.TryDecodeDer(signature, out _, out var s));
            Assert.True(LowSSignatures.IsLowS(s));
            Assert.True(verifier.Verify(message, signature));
        }
        Assert.InRange(highSBefore, 1, 199);
    }

    [Fact]
    public void The_high_S_twin_is_mathematically_valid_but_refused()
    {
        var pem = DevelopmentIdentity.Create("high-s");
        using var identity = RawGateway.SigningIdentityOf(pem);
        using var verifier = CertificateIdentity.Parse(identity.Creator);
        byte[] message = "payload"u8.ToArray();
        byte[] highS = LowSSignatures.ToHighSTwin(identity.Sign(message));

        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem.CertificatePem);
        using var publicKey = certificate.GetECDsaPublicKey()!;
        Assert.True(publicKey.VerifyData(message, highS, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.False(verifier.Verify(message, highS));
    }

    [Fact]
    public async Task A_proposal_with_a_tampered_or_high_S_signature_is_refused_by_the_endorser()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        using var identity = RawGateway.SigningIdentityOf(ledger.Identity);
        var gateway = ledger.RawGateway();

        foreach (var tamper in new Func<ByteString, ByteString>[]
        {
            signature => { var bytes = signature.ToByteArray(); bytes[^1] ^= 0x01; return ByteString.CopyFrom(bytes); },
            signature => ByteString.CopyFrom(LowSSignatures.ToHighSTwin(signature.Span)),
        })
        {
            var proposal = RawGateway.Propose(identity, "KV:Put", ["k", "v"], Guid.NewGuid().ToString());
            proposal.SignedProposal.Signature = tamper(proposal.SignedProposal.Signature);

            var failure = await Assert.ThrowsAsync<RpcException>(() => gateway.EndorseAsync(new EndorseRequest
            {
                TransactionId = proposal.TransactionId,
                ChannelId = "gxchannel",
                ProposedTransaction = proposal.SignedProposal,
            }).ResponseAsync);

            Assert.Equal(StatusCode.Aborted, failure.StatusCode);
            Assert.NotNull(failure.Trailers.Get("grpc-status-details-bin"));
        }
        Assert.Null(ledger.Host.Ledger.GetState("k"));
    }

    [Fact]
    public async Task A_tampered_envelope_signature_is_refused_by_the_orderer_and_nothing_commits()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        using var identity = RawGateway.SigningIdentityOf(ledger.Identity);
        var gateway = ledger.RawGateway();
        var (transactionId, envelope) = await RawGateway.EndorseAsync(gateway, identity, "KV:Put", ["k", "v"], Guid.NewGuid().ToString());
        var bytes = envelope.Signature.ToByteArray();
        bytes[10] ^= 0x40;
        envelope.Signature = ByteString.CopyFrom(bytes);

        var failure = await Assert.ThrowsAsync<RpcException>(() => RawGateway.SubmitAsync(gateway, transactionId, envelope));

        Assert.Equal(StatusCode.Aborted, failure.StatusCode);
        Assert.Contains("FORBIDDEN", failure.Status.Detail);
        Assert.False(ledger.Host.Ledger.TryGetTransaction(transactionId, out _));
    }

    [Fact]
    public async Task A_tampered_commit_status_request_is_permission_denied()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        using var identity = RawGateway.SigningIdentityOf(ledger.Identity);
        var committed = await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["k", "v"]);
        var request = RawGateway.CommitStatusRequest(identity, committed.TransactionId);
        // An extra (unknown, well-formed) field changes the signed bytes without breaking parsing.
        request.Request = ByteString.CopyFrom([.. request.Request.ToByteArray(), 0x2a, 0x00]);

        var failure = await Assert.ThrowsAsync<RpcException>(() => ledger.RawGateway().CommitStatusAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, failure.StatusCode);
    }

    [Fact]
    public async Task An_identity_without_a_role_is_refused()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        var stranger = DevelopmentIdentity.Create("stranger");
        using var client = Fabric.Client.FabricLedgerClient.Connect(LedgerFixture.ClientOptions(ledger.Host, stranger));

        var failure = await Assert.ThrowsAsync<LedgerEndorsementException>(() => client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["k", "v"]));

        Assert.Null(failure.ChaincodeStatus);
        Assert.Contains("not registered", Assert.Single(failure.Details).Message);
        await Assert.ThrowsAsync<LedgerRequestRejectedException>(() => client.GetCommitStatusAsync("0000"));
    }
}
