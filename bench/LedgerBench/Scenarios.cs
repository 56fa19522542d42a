using System.Text.Json;
using Google.Protobuf;
using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Engine;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Protos.Peer;
using GxProtocol.Fabric.Transactions;

namespace GxProtocol.LedgerBench;

/// <summary>Submits one transaction (command id, function, arguments) and tells whether it committed VALID.</summary>
public delegate Task<bool> SubmitOne(string commandId, string function, IReadOnlyList<string> arguments);

/// <summary>
/// What each submitter sends: a fresh key per transaction (the bare pipeline), or a GX TransferWithFees between the
/// submitter's own two users (the business path: state reads, fee quote, balance writes, blind fund credit, event).
/// </summary>
public sealed class Workload
{
    private const long TransferQirat = 10 * GxChaincode.QiratPerCoin;

    private Workload(string name, Func<IChaincode> chaincode, Func<SubmitOne, int, Task> setUp, Func<SubmitOne, int, long, string, Task<bool>> next)
    {
        Name = name;
        Chaincode = chaincode;
        SetUpAsync = setUp;
        NextAsync = next;
    }

    public string Name { get; }

    public Func<IChaincode> Chaincode { get; }

    /// <summary>Prepares the ledger for <c>concurrency</c> submitters, one transaction at a time.</summary>
    public Func<SubmitOne, int, Task> SetUpAsync { get; }

    /// <summary>(submit, worker, sequence, command id) → committed VALID.</summary>
    public Func<SubmitOne, int, long, string, Task<bool>> NextAsync { get; }

    public static Workload UniqueKey { get; } = new("unique-key", () => new UniqueKeyChaincode(),
        (_, _) => Task.CompletedTask,
        (submit, _, _, commandId) => submit(commandId, "Bench:Write", [commandId, "1"]));

    /// <summary>
    /// Each worker owns two users and moves 10 coins back and forth between them: no two workers touch the same
    /// balance, so MVCC conflicts do not hide the ledger's own cost, and the balances never run out.
    /// </summary>
    public static Workload Transfer { get; } = new("transfer", () => new GxContractChaincode(),
        async (submit, concurrency) =>
        {
            await Require(submit, GxChaincode.Admin.BootstrapSystem, []);
            await Require(submit, GxChaincode.Admin.InitializeCountryData,
                [JsonSerializer.Serialize(new[] { new { code = "US", name = "United States", percentage = 100m } })]);
            // One at a time: every registration updates the country's genesis counters.
            for (int worker = 0; worker < concurrency; worker++)
            {
                await Require(submit, GxChaincode.Identity.CreateUser, [User(worker, 0), "US", "30"]);
                await Require(submit, GxChaincode.Identity.CreateUser, [User(worker, 1), "US", "30"]);
            }
        },
        (submit, worker, sequence, commandId) =>
        {
            int from = (int)(sequence % 2);
            return submit(commandId, GxChaincode.Tokenomics.TransferWithFees,
                [User(worker, from), User(worker, 1 - from), TransferQirat.ToString(System.Globalization.CultureInfo.InvariantCulture), "bench", commandId]);
        });

    private static string User(int worker, int index) => $"bench-user-{worker}-{index}";

    private static async Task Require(SubmitOne submit, string function, IReadOnlyList<string> arguments)
    {
        if (!await submit(Guid.NewGuid().ToString("N"), function, arguments).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Set-up transaction {function} did not commit VALID.");
        }
    }
}

/// <summary>The two ways of driving the DevLedger: through the gRPC client, and calling the engine in-process.</summary>
public static class Scenarios
{
    private static DevLedgerOptions LedgerOptions(BenchSettings settings, PemIdentity identity)
    {
        var options = new DevLedgerOptions { Port = 0, BatchTimeout = settings.BatchTimeout, MaxTransactionsPerBlock = settings.BlockSize };
        return options.AddIdentity(identity.CertificatePem, CallerRoles.SuperAdmin);
    }

    public static async Task<SubmitterLoop.Result> ThroughGrpcAsync(BenchSettings settings, Workload workload, int concurrency)
    {
        var identity = DevelopmentIdentity.Create("bench-client");
        await using var host = await DevLedgerHost.StartAsync(LedgerOptions(settings, identity), CancellationToken.None, workload.Chaincode());
        using var client = FabricLedgerClient.Connect(new FabricOptions
        {
            Endpoint = host.Endpoint.ToString(),
            MspId = "BenchMSP",
            CertificatePem = identity.CertificatePem,
            PrivateKeyPem = identity.PrivateKeyPem,
        });
        SubmitOne submit = async (commandId, function, arguments) =>
        {
            await client.SubmitAsync(commandId, function, arguments).ConfigureAwait(false);
            return true;
        };
        await SetUpQuicklyAsync(host.Options, () => workload.SetUpAsync(submit, concurrency)).ConfigureAwait(false);
        return await SubmitterLoop.RunAsync(concurrency, settings.WarmUp, settings.Duration, (worker, sequence, commandId) => workload.NextAsync(submit, worker, sequence, commandId));
    }

    public static async Task<SubmitterLoop.Result> InProcessAsync(BenchSettings settings, Workload workload, int concurrency)
    {
        var pem = DevelopmentIdentity.Create("bench-client");
        await using var ledger = LedgerEngine.Open(LedgerOptions(settings, pem), workload.Chaincode());
        using var identity = SigningIdentity.FromPem("BenchMSP", pem.CertificatePem, pem.PrivateKeyPem);
        SubmitOne submit = async (commandId, function, arguments) =>
        {
            // The same steps and signatures as the client, minus HTTP/2 and protobuf over the wire.
            var proposal = SignedProposalFactory.Create(identity, "gxchannel", "gxtv3", function, arguments,
                TransactionIds.NonceForCommand(commandId), DateTimeOffset.UtcNow);
            var envelope = ledger.Endorse(new EndorseRequest { TransactionId = proposal.TransactionId, ChannelId = "gxchannel", ProposedTransaction = proposal.SignedProposal })
                .PreparedTransaction;
            envelope.Signature = identity.SignToByteString(envelope.Payload);
            ledger.Submit(new SubmitRequest { TransactionId = proposal.TransactionId, ChannelId = "gxchannel", PreparedTransaction = envelope });
            var request = new CommitStatusRequest { TransactionId = proposal.TransactionId, ChannelId = "gxchannel", Identity = identity.Creator }.ToByteString();
            var status = await ledger.CommitStatusAsync(new SignedCommitStatusRequest { Request = request, Signature = identity.SignToByteString(request) }, CancellationToken.None)
                .ConfigureAwait(false);
            return status.Result == TxValidationCode.Valid;
        };
        await SetUpQuicklyAsync(ledger.Options, () => workload.SetUpAsync(submit, concurrency)).ConfigureAwait(false);
        return await SubmitterLoop.RunAsync(concurrency, settings.WarmUp, settings.Duration, (worker, sequence, commandId) => workload.NextAsync(submit, worker, sequence, commandId));
    }

    /// <summary>
    /// Set-up runs one transaction at a time, each waiting out the batch timeout; a 1 ms timeout meanwhile keeps it
    /// short. The orderer reads the option for every new batch, so the measured run gets the configured one.
    /// </summary>
    private static async Task SetUpQuicklyAsync(DevLedgerOptions options, Func<Task> setUp)
    {
        var configured = options.BatchTimeout;
        options.BatchTimeout = TimeSpan.FromMilliseconds(1);
        try
        {
            await setUp().ConfigureAwait(false);
        }
        finally
        {
            options.BatchTimeout = configured;
        }
    }
}
