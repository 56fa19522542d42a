using System.Text.Json;
using Grpc.Net.Client;
using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Common;

namespace GxProtocol.Ledger.Tests.Gateway;

/// <summary>
/// The operations fund is credited by every fee-paying transfer. These tests run the real GX chaincode on the
/// DevLedger, whose committer validates read sets (MVCC), to show that the fund is not a hot key: transfers
/// between unrelated wallets, endorsed against the same state, are all VALID in one block.
/// </summary>
public sealed class OperationsFundConcurrencyTests
{
    private const int ConcurrentTransfers = 4;
    private const long Coin = GxChaincode.QiratPerCoin;

    [Fact]
    public async Task Fee_paying_transfers_between_different_wallets_commit_together_in_one_block()
    {
        await using var ledger = await GxLedger.StartAsync(ConcurrentTransfers);
        var wallets = Enumerable.Range(0, 2 * ConcurrentTransfers).Select(index => $"user{index}").ToList();
        await ledger.SetUpAsync(wallets);
        var fundBefore = await ledger.BalanceAsync(GxSupply.OperationsFundPool);

        // Every transfer pays a fee (10 coins, same country: 5 bps) and is endorsed before any of them commits.
        var transfers = new List<(string TransactionId, Envelope Envelope)>();
        for (int pair = 0; pair < ConcurrentTransfers; pair++)
        {
            transfers.Add(await ledger.EndorseAsync(GxChaincode.Tokenomics.TransferWithFees,
                wallets[2 * pair], wallets[2 * pair + 1], (10 * Coin).ToString(), "", $"pair-{pair}"));
        }
        var committed = await ledger.SubmitInOneBlockAsync(transfers);

        Assert.All(committed, status => Assert.Equal(TxValidationCodes.Valid, status.ValidationCode));
        Assert.Single(committed.Select(status => status.BlockNumber).Distinct());
        var block = ledger.Host.Ledger.GetBlock(committed[0].BlockNumber);
        Assert.Equal(ConcurrentTransfers, block.Transactions.Count);
        var fees = block.Transactions.Select(transaction => LedgerEventJson.Deserialize<TransferWithFeesCompleted>(transaction.Event!.Payload.Span).Fee).ToList();
        Assert.All(fees, fee => Assert.True(fee > 0, "every transfer of the block pays a fee"));
        Assert.Equal(fundBefore + fees.Sum(), await ledger.BalanceAsync(GxSupply.OperationsFundPool));
    }

    [Fact]
    public async Task Transfers_from_the_same_wallet_still_conflict_on_that_wallet()
    {
        // The control: the ledger does invalidate a stale read, so the test above passes because nothing shared is read.
        await using var ledger = await GxLedger.StartAsync(2);
        await ledger.SetUpAsync(["payer", "payeeA", "payeeB"]);

        var first = await ledger.EndorseAsync(GxChaincode.Tokenomics.TransferWithFees, "payer", "payeeA", (10 * Coin).ToString(), "", "first");
        var second = await ledger.EndorseAsync(GxChaincode.Tokenomics.TransferWithFees, "payer", "payeeB", (10 * Coin).ToString(), "", "second");
        var committed = await ledger.SubmitInOneBlockAsync([first, second]);

        Assert.Equal([TxValidationCodes.Valid, TxValidationCodes.MvccReadConflict], committed.Select(status => status.ValidationCode));
        // Only the first transfer moved money: 10 coins plus the sender's half of its 5 bps fee.
        Assert.Equal(490 * Coin - 2_500, await ledger.BalanceAsync("payer"));
    }

    /// <summary>A DevLedger running the GX chaincode, with a client registered as super_admin.</summary>
    private sealed class GxLedger(DevLedgerHost host, PemIdentity identity, FabricLedgerClient client) : IAsyncDisposable
    {
        private readonly GrpcChannel _channel = GrpcChannel.ForAddress(host.Endpoint);

        public DevLedgerHost Host => host;

        public static async Task<GxLedger> StartAsync(int transactionsPerBlock)
        {
            var identity = DevelopmentIdentity.Create("operations-fund-test-client");
            // While setting up, each transaction is cut into its own block by the short timeout.
            var options = new DevLedgerOptions { Port = 0, BatchTimeout = TimeSpan.FromMilliseconds(20), MaxTransactionsPerBlock = transactionsPerBlock };
            options.AddIdentity(identity.CertificatePem, CallerRoles.SuperAdmin);
            var host = await DevLedgerHost.StartAsync(options, CancellationToken.None, new GxContractChaincode());
            return new GxLedger(host, identity, FabricLedgerClient.Connect(LedgerFixture.ClientOptions(host, identity)));
        }

        /// <summary>Bootstraps, initializes one country and registers each user there with the 500-coin genesis.</summary>
        public async Task SetUpAsync(IEnumerable<string> userIds)
        {
            await client.SubmitAsync(Guid.NewGuid().ToString(), GxChaincode.Admin.BootstrapSystem, []);
            await client.SubmitAsync(Guid.NewGuid().ToString(), GxChaincode.Admin.InitializeCountryData,
                [JsonSerializer.Serialize(new[] { new { code = "US", name = "United States", percentage = 10m } })]);
            // One at a time: every registration updates the country's genesis counter and the genesis pools.
            foreach (var userId in userIds)
            {
                await client.SubmitAsync(Guid.NewGuid().ToString(), GxChaincode.Identity.CreateUser, [userId, "US", "30"]);
            }
        }

        public async Task<long> BalanceAsync(string account) =>
            LedgerEventJson.Deserialize<BalanceQueryResult>(await client.EvaluateAsync(GxChaincode.Tokenomics.GetBalance, [account])).Balance;

        public async Task<(string TransactionId, Envelope Envelope)> EndorseAsync(string transactionName, params string[] arguments)
        {
            using var signer = RawGateway.SigningIdentityOf(identity);
            return await RawGateway.EndorseAsync(Gateway(), signer, transactionName, arguments, Guid.NewGuid().ToString());
        }

        /// <summary>
        /// Submits the endorsed transactions so that they land in one block: the batch timeout is lengthened first, so
        /// the orderer cuts the block only once it holds all of them (<see cref="DevLedgerOptions.MaxTransactionsPerBlock"/>).
        /// The orderer reads both settings for each new batch, and no batch is open once the set-up has committed.
        /// </summary>
        public async Task<List<CommitOutcome>> SubmitInOneBlockAsync(IReadOnlyList<(string TransactionId, Envelope Envelope)> transactions)
        {
            Assert.Equal(host.Options.MaxTransactionsPerBlock, transactions.Count);
            host.Options.BatchTimeout = TimeSpan.FromSeconds(30);
            var gateway = Gateway();
            foreach (var (transactionId, envelope) in transactions)
            {
                await RawGateway.SubmitAsync(gateway, transactionId, envelope);
            }

            var outcomes = new List<CommitOutcome>();
            foreach (var (transactionId, _) in transactions)
            {
                outcomes.Add(await Await.WithTimeout(client.GetCommitStatusAsync(transactionId), $"the commit of {transactionId}"));
            }

            return outcomes;
        }

        private Fabric.Protos.Gateway.Gateway.GatewayClient Gateway() => new(_channel);

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            _channel.Dispose();
            await host.DisposeAsync();
        }
    }
}
