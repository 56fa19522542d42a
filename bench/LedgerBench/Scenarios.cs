using GxProtocol.Fabric.Contract;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Engine;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Protos.Peer;
using GxProtocol.Fabric.Transactions;
using Google.Protobuf;

namespace GxProtocol.LedgerBench;

/// <summary>The two ways of driving the DevLedger: through the gRPC client, and calling the engine in-process.</summary>
public static class Scenarios
{
    private static readonly long[] Timings = new long[3];
    private static DevLedgerOptions LedgerOptions(BenchSettings settings, PemIdentity identity)
    {
        var options = new DevLedgerOptions { Port = 0, BatchTimeout = settings.BatchTimeout, MaxTransactionsPerBlock = settings.BlockSize };
        return options.AddIdentity(identity.CertificatePem, GxRoles.SuperAdmin);
    }

    public static async Task<SubmitterLoop.Result> ThroughGrpcAsync(BenchSettings settings, int concurrency)
    {
        var identity = DevelopmentIdentity.Create("bench-client");
        await using var host = await DevLedgerHost.StartAsync(LedgerOptions(settings, identity), CancellationToken.None, new UniqueKeyChaincode());
        using var client = FabricLedgerClient.Connect(new FabricOptions
        {
            Endpoint = host.Endpoint.ToString(),
            MspId = "BenchMSP",
            CertificatePem = identity.CertificatePem,
            PrivateKeyPem = identity.PrivateKeyPem,
        });
        return await SubmitterLoop.RunAsync(concurrency, settings.Duration, async commandId =>
        {
            await client.SubmitAsync(commandId, "Bench:Write", [commandId, "1"]).ConfigureAwait(false);
            return true;
        });
    }

    public static async Task<SubmitterLoop.Result> InProcessAsync(BenchSettings settings, int concurrency)
    {
        var pem = DevelopmentIdentity.Create("bench-client");
        await using var ledger = LedgerEngine.Open(LedgerOptions(settings, pem), new UniqueKeyChaincode());
        using var identity = SigningIdentity.FromPem("BenchMSP", pem.CertificatePem, pem.PrivateKeyPem);
        var result = await SubmitterLoop.RunAsync(concurrency, settings.Duration, async commandId =>
        {
            // The same steps and signatures as the client, minus HTTP/2 and protobuf over the wire.
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            var proposal = SignedProposalFactory.Create(identity, "gxchannel", "gxtv3", "Bench:Write", [commandId, "1"],
                TransactionIds.NonceForCommand(commandId), DateTimeOffset.UtcNow);
            var envelope = ledger.Endorse(new EndorseRequest { TransactionId = proposal.TransactionId, ChannelId = "gxchannel", ProposedTransaction = proposal.SignedProposal })
                .PreparedTransaction;
            envelope.Signature = identity.SignToByteString(envelope.Payload);
            long t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            ledger.Submit(new SubmitRequest { TransactionId = proposal.TransactionId, ChannelId = "gxchannel", PreparedTransaction = envelope });
            long t2 = System.Diagnostics.Stopwatch.GetTimestamp();
            var request = new CommitStatusRequest { TransactionId = proposal.TransactionId, ChannelId = "gxchannel", Identity = identity.Creator }.ToByteString();
            var status = await ledger.CommitStatusAsync(new SignedCommitStatusRequest { Request = request, Signature = identity.SignToByteString(request) }, CancellationToken.None)
                .ConfigureAwait(false);
            long t3 = System.Diagnostics.Stopwatch.GetTimestamp();
            Interlocked.Add(ref Timings[0], t1 - t0); Interlocked.Add(ref Timings[1], t2 - t1); Interlocked.Add(ref Timings[2], t3 - t2);
            return status.Result == TxValidationCode.Valid;
        });
        if (Environment.GetEnvironmentVariable("BENCH_DEBUG") is not null)
        {
            Console.WriteLine($"debug: height {ledger.Height}, committed {result.Committed}, endorse {Timings[0] / (double)System.Diagnostics.Stopwatch.Frequency * 1000 / result.Committed:0.00} ms, submit {Timings[1] / (double)System.Diagnostics.Stopwatch.Frequency * 1000 / result.Committed:0.00} ms, wait {Timings[2] / (double)System.Diagnostics.Stopwatch.Frequency * 1000 / result.Committed:0.00} ms");
        }
        return result;
    }
}
