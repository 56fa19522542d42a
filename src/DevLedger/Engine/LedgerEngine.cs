using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using GxProtocol.DevLedger.Chaincode;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.State;
using GxProtocol.DevLedger.Storage;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Protos.Orderer;
using GxProtocol.Fabric.Protos.Peer;
using GxProtocol.Fabric.Transactions;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The whole development ledger without the network: the gateway's five operations over proto messages (the gRPC
/// service is a thin adapter over these, and benchmarks or tests may call them directly), an orderer that cuts
/// blocks by count or timeout, a committer that validates in block order, and the chain of committed blocks.
/// Errors are <see cref="RpcException"/>s with the codes and wording of a Fabric peer's gateway.
/// </summary>
public sealed class LedgerEngine : IAsyncDisposable
{
    private readonly DevLedgerOptions options;
    private readonly IdentityRegistry identities;
    private readonly Chain chain;
    private readonly ProposalProcessor proposals;
    private readonly FilteredBlockDeliverer deliverer;
    private readonly CommitStatusReader commitStatus;
    private readonly ChaincodeEventStream chaincodeEvents;
    private readonly SigningIdentity peer;
    private readonly CertificateIdentity peerVerifier;
    private readonly Orderer orderer;
    // Endorsement signatures this peer issued: checking membership spares the committer an ECDSA verification per
    // transaction. Unknown ones (after a restart, or once the memo was cleared) are verified cryptographically.
    private readonly ConcurrentDictionary<ByteString, bool> issuedEndorsements = new();
    private long issuedEndorsementCount;

    private LedgerEngine(DevLedgerOptions options, IChaincode chaincode, TimeProvider time)
    {
        new DevLedgerOptionsValidator().ThrowIfInvalid(options);
        this.options = options;
        Faults = new FaultInjector(options.Faults, time);
        identities = new IdentityRegistry(options);
        peer = DevelopmentIdentity.CreateSigningIdentity(options.PeerMspId, "devledger-peer");
        peerVerifier = CertificateIdentity.Parse(peer.Creator);

        List<Block> persisted = [];
        var file = options.DataDirectory is null ? null : BlockFile.Open(options.DataDirectory, out persisted);
        chain = new Chain(file);
        proposals = new ProposalProcessor(options, chaincode, State, chain, identities, Faults, peer, () => PeerAddress);
        deliverer = new FilteredBlockDeliverer(options, identities, chain, Faults);
        var authorizer = new SignedRequestAuthorizer(identities);
        commitStatus = new CommitStatusReader(options, authorizer, chain);
        chaincodeEvents = new ChaincodeEventStream(options, authorizer, chain, Faults);
        var writes = new WriteSetApplier(State);
        var appender = new BlockAppender(chain);
        new LedgerReplay(options, chain, writes, appender).Restore(persisted);
        var committer = new BlockCommitter(chain, new BlockValidator(State, chain, Faults), writes, appender, Faults);
        orderer = new Orderer(options, committer);
    }

    /// <summary>Opens a ledger (replaying the block file when <see cref="DevLedgerOptions.DataDirectory"/> is set).</summary>
    public static LedgerEngine Open(DevLedgerOptions options, IChaincode chaincode, TimeProvider? time = null) =>
        new(options, chaincode, time ?? TimeProvider.System);

    /// <summary>Shown as the endpoint address in gateway.ErrorDetail; the host sets it once it has bound its port.</summary>
    public string PeerAddress { get; set; } = "devledger";

    public DevLedgerOptions Options => options;

    public FaultInjector Faults { get; }

    /// <summary>Committed state with versions.</summary>
    public WorldState State { get; } = new();

    /// <summary>Number of committed blocks (block 0 is the genesis block, with no transactions).</summary>
    public ulong Height => chain.Height;

    /// <summary>The committed value of <paramref name="key"/>, or null.</summary>
    public byte[]? GetState(string key) => State.TryGet(key, out var value) ? value.Value : null;

    public CommittedBlock GetBlock(ulong number) => chain.GetBlock(number);

    public bool TryGetTransaction(string transactionId, out TransactionLocation location) => chain.TryGetTransaction(transactionId, out location);

    public EndorseResponse Endorse(EndorseRequest request)
    {
        Faults.ThrowIfRefusingCalls();
        var response = proposals.Endorse(request, out var endorsementSignature);
        RememberEndorsement(endorsementSignature);
        return response;
    }

    public EvaluateResponse Evaluate(EvaluateRequest request)
    {
        Faults.ThrowIfRefusingCalls();
        return proposals.Evaluate(request);
    }

    /// <summary>The orderer's broadcast: checks the envelope signature and queues the transaction for the next block.</summary>
    public SubmitResponse Submit(SubmitRequest request)
    {
        Faults.ThrowIfRefusingCalls();
        var envelope = request.PreparedTransaction
            ?? throw GatewayErrors.Plain(StatusCode.InvalidArgument, "a prepared transaction is required");
        if (envelope.Signature.IsEmpty)
        {
            throw GatewayErrors.Plain(StatusCode.InvalidArgument, "prepared transaction must be signed");
        }
        ParsedEnvelope parsed;
        try
        {
            parsed = ParsedEnvelope.Parse(envelope, options.ChaincodeName);
        }
        catch (FormatException exception)
        {
            throw GatewayErrors.OrdererRefused("BAD_REQUEST", exception.Message);
        }
        if (parsed.ChannelId != options.ChannelName || request.ChannelId != options.ChannelName)
        {
            throw GatewayErrors.Plain(StatusCode.NotFound, $"failed to create block deliverer for channel `{request.ChannelId}`, missing OrdererConfig");
        }
        KnownCreator creator;
        try
        {
            creator = identities.Resolve(parsed.Creator);
        }
        catch (FormatException exception)
        {
            throw GatewayErrors.OrdererRefused("FORBIDDEN", "creator is malformed: " + exception.Message);
        }
        if (creator.Role is null || !creator.Identity.Verify(parsed.PayloadBytes.Span, parsed.Signature.Span))
        {
            throw GatewayErrors.OrdererRefused("FORBIDDEN",
                "implicit policy evaluation failed - 0 sub-policies were satisfied, but this policy requires 1 of the 'Writers' sub-policies to be satisfied");
        }
        orderer.Enqueue(new PendingTransaction(parsed, envelope.ToByteString(), PreValidate(parsed)));
        return new SubmitResponse();
    }

    /// <summary>The validation code and block of a transaction, waiting for its commit.</summary>
    public async Task<CommitStatusResponse> CommitStatusAsync(SignedCommitStatusRequest signed, CancellationToken cancellationToken)
    {
        // Awaited here so that an outage refusal surfaces through the task, as it did before the split.
        Faults.ThrowIfRefusingCalls();
        return await commitStatus.ReadAsync(signed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Chaincode events of VALID transactions, one response per block that has any, from the requested start like a
    /// Fabric peer: NextCommit or Specified (Newest and Oldest are refused), and with <c>after_transaction_id</c> the
    /// stream starts at that transaction's block and skips it and everything before it in that block.
    /// </summary>
    public IAsyncEnumerable<ChaincodeEventsResponse> ChaincodeEventsAsync(SignedChaincodeEventsRequest signed, CancellationToken cancellationToken) =>
        chaincodeEvents.ReadAsync(signed, cancellationToken);

    /// <summary>
    /// Answers one signed DELIVER_SEEK_INFO envelope as a Fabric peer's DeliverFiltered does: a filtered block per block
    /// from start through stop (waiting for blocks not yet cut unless FAIL_IF_NOT_READY), then a SUCCESS status; a bad
    /// request ends with a status instead (BAD_REQUEST, FORBIDDEN, NOT_FOUND) and no blocks.
    /// </summary>
    public IAsyncEnumerable<DeliverResponse> DeliverFilteredAsync(Envelope envelope, CancellationToken cancellationToken) =>
        deliverer.DeliverAsync(envelope, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await orderer.DisposeAsync().ConfigureAwait(false);
        chain.AbortWaiters();
        chain.Dispose();
        peer.Dispose();
        peerVerifier.Dispose();
    }

    /// <summary>Checks made once per transaction off the committer's thread: tx id binding and the endorsement.</summary>
    private int PreValidate(ParsedEnvelope parsed)
    {
        if (TransactionIds.Compute(parsed.Nonce.Span, parsed.Creator.Span) != parsed.TransactionId)
        {
            return (int)TxValidationCode.BadProposalTxid;
        }
        bool endorsed = parsed.Endorsements.Any(endorsement =>
            endorsement.Endorser.Equals(peer.Creator) && (issuedEndorsements.ContainsKey(endorsement.Signature) || peerVerifier.Verify(Concat(parsed.ProposalResponsePayload, endorsement.Endorser), endorsement.Signature.Span)));
        return endorsed ? (int)TxValidationCode.Valid : (int)TxValidationCode.EndorsementPolicyFailure;
    }

    // The signature comes straight from the endorser: parsing the whole prepared envelope back again only to find
    // it cost a full protobuf decode per endorsement.
    // ConcurrentDictionary.Count takes every bucket lock, and every endorsement asked for it: the endorsers contended
    // on those locks. A counter bounds the memo just as well (approximately, which is all the bound needs).
    private void RememberEndorsement(ByteString endorsementSignature)
    {
        if (issuedEndorsements.TryAdd(endorsementSignature, true) && Interlocked.Increment(ref issuedEndorsementCount) > 100_000)
        {
            issuedEndorsements.Clear();
            Interlocked.Exchange(ref issuedEndorsementCount, 0);
        }
    }

    private static byte[] Concat(ByteString first, ByteString second)
    {
        var joined = new byte[first.Length + second.Length];
        first.Span.CopyTo(joined);
        second.Span.CopyTo(joined.AsSpan(first.Length));
        return joined;
    }
}
