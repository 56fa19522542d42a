using Grpc.Core;
using GxProtocol.DevLedger.Chaincode;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.State;
using GxProtocol.DevLedger.Storage;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The whole development ledger without the network, as one facade: the gateway's five operations and the peer's
/// filtered deliver over proto messages (the gRPC services are thin adapters over these; benchmarks and tests call
/// them directly). It wires the roles; the synchronous calls pass the injected-outage check here, the asynchronous ones
/// inside their reader (so the refusal surfaces through the task or on the stream's first read). The work is done by
/// <see cref="ProposalProcessor"/> (endorse, evaluate), <see cref="OrdererBroadcast"/> and <see cref="Orderer"/>
/// (submit, block cutting), <see cref="BlockCommitter"/> with <see cref="BlockValidator"/> and
/// <see cref="BlockAppender"/> (commit), <see cref="LedgerReplay"/> (start-up), and the chain readers
/// <see cref="CommitStatusReader"/>, <see cref="ChaincodeEventStream"/> and <see cref="FilteredBlockDeliverer"/>.
/// Errors are <see cref="RpcException"/>s with the codes and wording of a Fabric peer's gateway.
/// </summary>
public sealed class LedgerEngine : IAsyncDisposable
{
    private readonly DevLedgerOptions _options;
    private readonly Chain _chain;
    private readonly SigningIdentity _peer;
    private readonly IssuedEndorsements _issuedEndorsements = new();
    private readonly ProposalProcessor _proposals;
    private readonly OrdererBroadcast _broadcast;
    private readonly Orderer _orderer;
    private readonly CommitStatusReader _commitStatus;
    private readonly ChaincodeEventStream _chaincodeEvents;
    private readonly FilteredBlockDeliverer _deliverer;

    private LedgerEngine(DevLedgerOptions options, IChaincode chaincode, TimeProvider time)
    {
        new DevLedgerOptionsValidator().ThrowIfInvalid(options);
        _options = options;
        Faults = new FaultInjector(options.Faults, time);
        var identities = new IdentityRegistry(options);
        _peer = DevelopmentIdentity.CreateSigningIdentity(options.PeerMspId, "devledger-peer");
        _broadcast = new OrdererBroadcast(options, identities, _issuedEndorsements, _peer);

        List<Block> persisted = [];
        var file = options.DataDirectory is null ? null : BlockFile.Open(options.DataDirectory, out persisted);
        _chain = new Chain(file);
        _proposals = new ProposalProcessor(options, chaincode, State, _chain, identities, Faults, _peer, () => PeerAddress);
        var authorizer = new SignedRequestAuthorizer(identities);
        _commitStatus = new CommitStatusReader(options, authorizer, _chain, Faults);
        _chaincodeEvents = new ChaincodeEventStream(options, authorizer, _chain, Faults);
        _deliverer = new FilteredBlockDeliverer(options, identities, _chain, Faults);

        var writes = new WriteSetApplier(State);
        var appender = new BlockAppender(_chain);
        // Replay completes before the orderer's thread starts, so the first cut block follows the replayed ones.
        new LedgerReplay(options, _chain, writes, appender).Restore(persisted);
        var committer = new BlockCommitter(_chain, new BlockValidator(State, _chain, Faults), writes, appender, Faults);
        _orderer = new Orderer(options, committer);
    }

    /// <summary>Opens a ledger (replaying the block file when <see cref="DevLedgerOptions.DataDirectory"/> is set).</summary>
    public static LedgerEngine Open(DevLedgerOptions options, IChaincode chaincode, TimeProvider? time = null) =>
        new(options, chaincode, time ?? TimeProvider.System);

    /// <summary>Shown as the endpoint address in gateway.ErrorDetail; the host sets it once it has bound its port.</summary>
    public string PeerAddress { get; set; } = "devledger";

    public DevLedgerOptions Options => _options;

    public FaultInjector Faults { get; }

    /// <summary>Committed state with versions.</summary>
    public WorldState State { get; } = new();

    /// <summary>Number of committed blocks (block 0 is the genesis block, with no transactions).</summary>
    public ulong Height => _chain.Height;

    /// <summary>The committed value of <paramref name="key"/>, or null.</summary>
    public byte[]? GetState(string key) => State.TryGet(key, out var value) ? value.Value : null;

    public CommittedBlock GetBlock(ulong number) => _chain.GetBlock(number);

    public bool TryGetTransaction(string transactionId, out TransactionLocation location) => _chain.TryGetTransaction(transactionId, out location);

    public EndorseResponse Endorse(EndorseRequest request)
    {
        Faults.ThrowIfRefusingCalls();
        var response = _proposals.Endorse(request, out var endorsementSignature);
        _issuedEndorsements.Remember(endorsementSignature);
        return response;
    }

    public EvaluateResponse Evaluate(EvaluateRequest request)
    {
        Faults.ThrowIfRefusingCalls();
        return _proposals.Evaluate(request);
    }

    /// <summary>The orderer's broadcast: checks the envelope signature and queues the transaction for the next block.</summary>
    public SubmitResponse Submit(SubmitRequest request)
    {
        Faults.ThrowIfRefusingCalls();
        _orderer.Enqueue(_broadcast.Accept(request));
        return new SubmitResponse();
    }

    /// <summary>The validation code and block of a transaction, waiting for its commit.</summary>
    public Task<CommitStatusResponse> CommitStatusAsync(SignedCommitStatusRequest signed, CancellationToken cancellationToken) =>
        _commitStatus.ReadAsync(signed, cancellationToken);

    /// <summary>
    /// Chaincode events of VALID transactions, one response per block that has any, from the requested start like a
    /// Fabric peer: NextCommit or Specified (Newest and Oldest are refused), and with <c>after_transaction_id</c> the
    /// stream starts at that transaction's block and skips it and everything before it in that block.
    /// </summary>
    public IAsyncEnumerable<ChaincodeEventsResponse> ChaincodeEventsAsync(SignedChaincodeEventsRequest signed, CancellationToken cancellationToken) =>
        _chaincodeEvents.ReadAsync(signed, cancellationToken);

    /// <summary>
    /// Answers one signed DELIVER_SEEK_INFO envelope as a Fabric peer's DeliverFiltered does: a filtered block per block
    /// from start through stop (waiting for blocks not yet cut unless FAIL_IF_NOT_READY), then a SUCCESS status; a bad
    /// request ends with a status instead (BAD_REQUEST, FORBIDDEN, NOT_FOUND) and no blocks.
    /// </summary>
    public IAsyncEnumerable<DeliverResponse> DeliverFilteredAsync(Envelope envelope, CancellationToken cancellationToken) =>
        _deliverer.DeliverAsync(envelope, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _orderer.DisposeAsync().ConfigureAwait(false);
        _chain.AbortWaiters();
        _chain.Dispose();
        _peer.Dispose();
        _broadcast.Dispose();
    }
}
