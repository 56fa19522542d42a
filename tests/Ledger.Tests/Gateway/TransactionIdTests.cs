using System.Security.Cryptography;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Transactions;

namespace GxProtocol.Ledger.Tests.Gateway;

public sealed class TransactionIdTests
{
    [Fact]
    public void Transaction_id_is_derived_from_the_command_id_and_the_creator_only()
    {
        var pem = DevelopmentIdentity.Create("txid");
        var options = new Fabric.Configuration.FabricOptions { MspId = LedgerFixture.ClientMspId, CertificatePem = pem.CertificatePem, PrivateKeyPem = pem.PrivateKeyPem };
        using var first = FabricLedgerClient.Connect(options);
        using var second = FabricLedgerClient.Connect(options);
        var otherPem = DevelopmentIdentity.Create("other");
        using var other = FabricLedgerClient.Connect(new Fabric.Configuration.FabricOptions { MspId = LedgerFixture.ClientMspId, CertificatePem = otherPem.CertificatePem, PrivateKeyPem = otherPem.PrivateKeyPem });

        string commandId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        Assert.Equal(first.TransactionIdFor(commandId), second.TransactionIdFor(commandId));
        Assert.NotEqual(first.TransactionIdFor(commandId), first.TransactionIdFor(commandId + "x"));
        Assert.NotEqual(first.TransactionIdFor(commandId), other.TransactionIdFor(commandId));

        byte[] nonce = TransactionIds.NonceForCommand(commandId);
        Assert.Equal(24, nonce.Length);
        Assert.Equal(nonce, TransactionIds.NonceForCommand(commandId));
        string expected = Convert.ToHexStringLower(SHA256.HashData([.. nonce, .. first.Identity.Creator.ToByteArray()]));
        Assert.Equal(expected, first.TransactionIdFor(commandId));
        Assert.Matches("^[0-9a-f]{64}$", expected);
    }

    [Fact]
    public void Nonce_derivation_is_pinned_so_a_code_change_cannot_silently_change_transaction_ids()
    {
        byte[] nonce = TransactionIds.NonceForCommand("command-1");
        byte[] recomputed = HMACSHA256.HashData("gx-protocol/fabric/command-nonce/v1"u8, "command-1"u8)[..24];
        Assert.Equal(recomputed, nonce);
    }
}
