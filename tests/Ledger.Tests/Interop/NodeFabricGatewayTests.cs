using System.Text.Json;
using GxProtocol.Contract;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric.Identity;
using GxProtocol.Ledger.Tests.Support;
using Xunit.Abstractions;

namespace GxProtocol.Ledger.Tests.Interop;

/// <summary>
/// The official Hyperledger Fabric Gateway client for Node.js (tests/interop/fabric-gateway-node, versions pinned in its
/// package-lock.json) against an in-process DevLedger running the GX chaincode: the DevLedger's claim that official
/// clients work unchanged, checked on the wire rather than against our own client.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Interop")]
public sealed class NodeFabricGatewayTests(ITestOutputHelper output)
{
    private const string InteropFolder = "tests/interop/fabric-gateway-node";
    private const string ClientMspId = "GxInteropMSP";

    private static readonly string[] ExpectedTransactions =
    [
        "AdminContract:BootstrapSystem",
        "AdminContract:InitializeCountryData",
        "IdentityContract:CreateUser", "IdentityContract:CreateUser", "IdentityContract:CreateUser", "IdentityContract:CreateUser",
        "TokenomicsContract:TransferWithFees", "TokenomicsContract:TransferWithFees",
    ];

    private static readonly Dictionary<string, string> EventNameOf = new()
    {
        ["AdminContract:BootstrapSystem"] = nameof(SystemBootstrapped),
        ["AdminContract:InitializeCountryData"] = nameof(CountryDataInitialized),
        ["IdentityContract:CreateUser"] = nameof(UserCreated),
        ["TokenomicsContract:TransferWithFees"] = nameof(TransferWithFeesCompleted),
    };

    [Fact]
    public async Task The_official_Node_client_evaluates_submits_reads_results_commit_status_and_resumes_chaincode_events()
    {
        var identity = DevelopmentIdentity.Create("interop-node-client");
        await using var host = await DevLedgerHost.StartAsync(LedgerOptions(identity));
        Assert.Equal("http", host.Endpoint.Scheme);

        await RunAndVerifyAsync(host, identity, "h2c", new Dictionary<string, string>());
    }

    [Fact]
    public async Task The_official_Node_client_works_over_mutual_TLS_with_grpc_js_credentials()
    {
        using var authority = TestCertificateAuthority.Create("GX interop server CA");
        using var clientAuthority = TestCertificateAuthority.Create("GX interop client CA");
        var server = authority.IssueServer();
        var tlsClient = clientAuthority.IssueClient("interop-node-client");
        var identity = DevelopmentIdentity.Create("interop-node-client");
        var options = LedgerOptions(identity);
        options.Tls = new DevLedgerTlsOptions
        {
            CertificatePem = server.CertificatePem,
            PrivateKeyPem = server.PrivateKeyPem,
            ClientCaCertificatePem = clientAuthority.CertificatePem,
        };
        await using var host = await DevLedgerHost.StartAsync(options);
        Assert.Equal("https", host.Endpoint.Scheme);

        await RunAndVerifyAsync(host, identity, "mutual-tls", new Dictionary<string, string>
        {
            ["GX_TLS_CA_PEM"] = authority.CertificatePem,
            ["GX_TLS_CLIENT_CERT_PEM"] = tlsClient.CertificatePem,
            ["GX_TLS_CLIENT_KEY_PEM"] = tlsClient.PrivateKeyPem,
        });
    }

    private static DevLedgerOptions LedgerOptions(PemIdentity identity)
    {
        var options = new DevLedgerOptions
        {
            Port = 0,
            // Long enough that the two transfers the script submits back to back are cut into one block, so resuming
            // from the checkpoint starts in the middle of a block; short enough for the script's sequential commits.
            BatchTimeout = TimeSpan.FromMilliseconds(400),
        };
        options.AddIdentity(identity.CertificatePem, CallerRoles.SuperAdmin);
        return options;
    }

    /// <summary>Runs interop.mjs against <paramref name="host"/> and checks its report against the ledger itself.</summary>
    private async Task RunAndVerifyAsync(DevLedgerHost host, PemIdentity identity, string transport, IReadOnlyDictionary<string, string> extraEnvironment)
    {
        string folder = NodeTooling.RepositoryFolder(InteropFolder);
        string node = NodeTooling.Require("node");
        NodeTooling.Require("npm");
        var installed = await NodeTooling.EnsureInstalledAsync(folder, TimeSpan.FromMinutes(5));
        output.WriteLine(installed is { } took ? $"npm ci took {took.TotalSeconds:F1} s" : "node_modules up to date; npm ci skipped");

        var environment = new Dictionary<string, string>(extraEnvironment)
        {
            ["GX_MSP_ID"] = ClientMspId,
            ["GX_CERT_PEM"] = identity.CertificatePem,
            ["GX_KEY_PEM"] = identity.PrivateKeyPem,
            ["GX_RUN_ID"] = "t1",
            ["GX_CHANNEL"] = host.Options.ChannelName,
            ["GX_CHAINCODE"] = host.Options.ChaincodeName,
        };
        var run = await NodeTooling.RunAsync(node, ["interop.mjs", host.Endpoint.Authority], folder, environment, TimeSpan.FromSeconds(60));
        output.WriteLine($"interop.mjs took {run.Elapsed.TotalSeconds:F1} s, exit code {run.ExitCode}");
        output.WriteLine(run.StandardOutput);
        Assert.True(run.ExitCode == 0, $"interop.mjs exited with {run.ExitCode}:\n{run.StandardOutput}\n{run.StandardError}");

        using var document = JsonDocument.Parse(run.StandardOutput);
        var report = document.RootElement;
        Assert.True(report.GetProperty("ok").GetBoolean());
        Assert.Equal(transport, report.GetProperty("transport").GetString());
        Assert.Equal("@hyperledger/fabric-gateway", report.GetProperty("client").GetProperty("package").GetString());
        Assert.Equal(PinnedClientVersion(folder), report.GetProperty("client").GetProperty("version").GetString());

        // Errors: the gateway's ErrorDetail messages reach the official client's GatewayError / EndorseError.
        var unknownAccount = report.GetProperty("unknownAccountEvaluate");
        Assert.Equal("GatewayError", unknownAccount.GetProperty("type").GetString());
        var detail = Assert.Single(unknownAccount.GetProperty("details").EnumerateArray());
        Assert.Equal(host.Options.PeerMspId, detail.GetProperty("mspId").GetString());
        Assert.Equal(host.Endpoint.Authority, detail.GetProperty("address").GetString());
        Assert.StartsWith("chaincode response 404, ", detail.GetProperty("message").GetString());
        var duplicate = report.GetProperty("duplicateBootstrap");
        Assert.Equal("EndorseError", duplicate.GetProperty("type").GetString());
        Assert.Equal(64, duplicate.GetProperty("transactionId").GetString()!.Length);
        Assert.Contains(duplicate.GetProperty("details").EnumerateArray(), d => d.GetProperty("message").GetString()!.StartsWith("chaincode response 409, ", StringComparison.Ordinal));

        // Evaluate: the balance read.
        var genesisPool = LedgerEventJson.Deserialize<BalanceQueryResult>(Utf8(report.GetProperty("genesisPoolBalance")));
        Assert.Equal(GxSupply.UserGenesisPool, genesisPool.Account);
        Assert.Equal(GxSupply.InitialPools.Single(p => p.Account == GxSupply.UserGenesisPool).Balance, genesisPool.Balance);

        // Submits: each committed VALID in the block the ledger itself recorded, with the result read from the prepared
        // transaction.
        var transactions = report.GetProperty("transactions").EnumerateArray().ToList();
        Assert.Equal(ExpectedTransactions, transactions.Select(t => t.GetProperty("transaction").GetString()));
        foreach (var transaction in transactions)
        {
            string transactionId = transaction.GetProperty("transactionId").GetString()!;
            var status = transaction.GetProperty("status");
            Assert.True(status.GetProperty("successful").GetBoolean());
            Assert.Equal(0, status.GetProperty("code").GetInt32());
            Assert.Equal(transactionId, status.GetProperty("transactionId").GetString());
            Assert.True(host.Ledger.TryGetTransaction(transactionId, out var location), $"{transactionId} is not on the ledger");
            Assert.Equal(0, location.ValidationCode);
            Assert.Equal(location.BlockNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), status.GetProperty("blockNumber").GetString());
            Assert.True(location.BlockNumber >= 1);
        }
        var bootstrapped = LedgerEventJson.Deserialize<SystemBootstrapped>(Utf8(transactions[0].GetProperty("result")));
        Assert.Equal(GxSupply.TotalSupplyQirat, bootstrapped.TotalSupply);
        var transfer = LedgerEventJson.Deserialize<TransferWithFeesCompleted>(Utf8(transactions[6].GetProperty("result")));
        Assert.Equal(("interop-alice-t1", "interop-bob-t1", 1_000_000L, "interop-t1-1"), (transfer.From, transfer.To, transfer.Amount, transfer.CommandId));

        // Balances read after the transfers agree with what the transfer events said they became.
        var balances = report.GetProperty("balances");
        foreach (var completed in transactions.Skip(6).Select(t => LedgerEventJson.Deserialize<TransferWithFeesCompleted>(Utf8(t.GetProperty("result")))))
        {
            foreach (var account in new[] { completed.From, completed.To })
            {
                var read = LedgerEventJson.Deserialize<BalanceQueryResult>(Utf8(balances.GetProperty(account)));
                Assert.Equal(completed.Balances.Single(b => b.Account == account).Balance, read.Balance);
            }
        }

        // Events: one per transaction, in ledger order, named after the payload, carrying the transaction's result.
        var events = report.GetProperty("events");
        var firstPass = events.GetProperty("firstPass").EnumerateArray().ToList();
        var resumed = events.GetProperty("resumed").EnumerateArray().ToList();
        var all = firstPass.Concat(resumed).ToList();
        var inLedgerOrder = transactions
            .Select(t => (Transaction: t, Location: Location(host, t.GetProperty("transactionId").GetString()!)))
            .OrderBy(t => t.Location.BlockNumber).ThenBy(t => t.Location.Index)
            .ToList();
        Assert.Equal(inLedgerOrder.Select(t => t.Transaction.GetProperty("transactionId").GetString()), all.Select(e => e.GetProperty("transactionId").GetString()));
        foreach (var (chaincodeEvent, (transaction, location)) in all.Zip(inLedgerOrder))
        {
            Assert.Equal(host.Options.ChaincodeName, chaincodeEvent.GetProperty("chaincodeName").GetString());
            Assert.Equal(EventNameOf[transaction.GetProperty("transaction").GetString()!], chaincodeEvent.GetProperty("eventName").GetString());
            Assert.Equal(transaction.GetProperty("result").GetString(), chaincodeEvent.GetProperty("payload").GetString());
            Assert.Equal(location.BlockNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), chaincodeEvent.GetProperty("blockNumber").GetString());
        }

        // Filtered block events (protos.Deliver on the same connection): consecutive blocks from the bootstrap block
        // through the transfers' block, each with the ledger's own transactions, codes and event names, payloads stripped.
        var filteredBlocks = report.GetProperty("filteredBlocks").EnumerateArray().ToList();
        ulong firstBlock = inLedgerOrder[0].Location.BlockNumber;
        ulong lastBlock = inLedgerOrder[^1].Location.BlockNumber;
        Assert.Equal(
            Enumerable.Range(0, (int)(lastBlock - firstBlock + 1)).Select(i => (firstBlock + (ulong)i).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            filteredBlocks.Select(b => b.GetProperty("number").GetString()));
        var eventNameByTransaction = transactions.ToDictionary(t => t.GetProperty("transactionId").GetString()!, t => EventNameOf[t.GetProperty("transaction").GetString()!]);
        foreach (var filteredBlock in filteredBlocks)
        {
            Assert.Equal(host.Options.ChannelName, filteredBlock.GetProperty("channelId").GetString());
            var recorded = host.Ledger.GetBlock(ulong.Parse(filteredBlock.GetProperty("number").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Transactions;
            var delivered = filteredBlock.GetProperty("transactions").EnumerateArray().ToList();
            Assert.Equal(recorded.Select(r => r.TransactionId), delivered.Select(d => d.GetProperty("transactionId").GetString()));
            foreach (var transaction in delivered)
            {
                Assert.Equal(3, transaction.GetProperty("type").GetInt32()); // ENDORSER_TRANSACTION
                Assert.Equal(0, transaction.GetProperty("validationCode").GetInt32());
                var chaincodeEvent = Assert.Single(transaction.GetProperty("events").EnumerateArray());
                Assert.Equal(host.Options.ChaincodeName, chaincodeEvent.GetProperty("chaincodeName").GetString());
                Assert.Equal(eventNameByTransaction[transaction.GetProperty("transactionId").GetString()!], chaincodeEvent.GetProperty("eventName").GetString());
                Assert.Equal(0, chaincodeEvent.GetProperty("payloadLength").GetInt32());
            }
        }
        Assert.Equal(transactions.Count, filteredBlocks.Sum(b => b.GetProperty("transactions").GetArrayLength()));

        // Full blocks are not kept in memory, so they are refused: promptly, with UNIMPLEMENTED, not a hang.
        var blockEvents = report.GetProperty("blockEvents");
        Assert.False(blockEvents.GetProperty("supported").GetBoolean());
        Assert.Equal((int)Grpc.Core.StatusCode.Unimplemented, blockEvents.GetProperty("error").GetProperty("grpcCode").GetInt32());

        // The resume: the checkpoint is the last event of the first pass, in the transfers' shared block, and the
        // resumed read delivers only what came after it in that block.
        var checkpoint = events.GetProperty("checkpoint");
        var lastRead = firstPass[^1];
        Assert.Equal(lastRead.GetProperty("transactionId").GetString(), checkpoint.GetProperty("transactionId").GetString());
        Assert.Equal(lastRead.GetProperty("blockNumber").GetString(), checkpoint.GetProperty("blockNumber").GetString());
        var resumedEvent = Assert.Single(resumed);
        Assert.Equal(checkpoint.GetProperty("blockNumber").GetString(), resumedEvent.GetProperty("blockNumber").GetString());
        Assert.DoesNotContain(resumedEvent.GetProperty("transactionId").GetString(), firstPass.Select(e => e.GetProperty("transactionId").GetString()));
    }

    [Fact]
    public void A_missing_tool_fails_the_test_with_a_message_naming_it()
    {
        var failure = Assert.Throws<Xunit.Sdk.FailException>(() => NodeTooling.Require("gx-no-such-tool"));

        Assert.Contains("'gx-no-such-tool' command is not on PATH", failure.Message, StringComparison.Ordinal);
    }

    private static DevLedger.Engine.TransactionLocation Location(DevLedgerHost host, string transactionId) =>
        host.Ledger.TryGetTransaction(transactionId, out var location) ? location : throw new InvalidOperationException($"{transactionId} is not on the ledger");

    private static byte[] Utf8(JsonElement text) => System.Text.Encoding.UTF8.GetBytes(text.GetString()!);

    private static string PinnedClientVersion(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package.json")));
        return manifest.RootElement.GetProperty("dependencies").GetProperty("@hyperledger/fabric-gateway").GetString()!;
    }
}
