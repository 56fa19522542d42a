using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Protos.Orderer;
using GxProtocol.Fabric.Transactions;

namespace GxProtocol.Fabric.Client;

/// <summary>
/// <see cref="ILedgerClient"/> over the Fabric Gateway gRPC service (a Fabric peer or the DevLedger).
/// Submit follows the official clients: Endorse, sign the prepared envelope, Submit, then a signed CommitStatus.
/// Proposals carry <paramref name="clock"/>'s time (the system clock by default): the chaincode's notion of "now"
/// (voting deadlines, idle days) is the transaction timestamp, so a test can move it with the backend's clock.
/// </summary>
public sealed class FabricLedgerClient(CallInvoker callInvoker, SigningIdentity identity, FabricOptions options, IDisposable? ownedResources = null,
    TimeProvider? clock = null)
    : ILedgerClient, IDisposable
{
    private readonly Gateway.GatewayClient _gateway = new(callInvoker);

    public SigningIdentity Identity => identity;

    /// <summary>Creates a client that owns its channel and identity, from validated options.</summary>
    public static FabricLedgerClient Connect(FabricOptions options, TimeProvider? clock = null)
    {
        string certificate = FabricOptions.Resolve(options.CertificatePem, options.CertificatePath)
            ?? throw new ArgumentException($"{FabricOptions.SectionName}:CertificatePem or CertificatePath is required.");
        string key = FabricOptions.Resolve(options.PrivateKeyPem, options.PrivateKeyPath)
            ?? throw new ArgumentException($"{FabricOptions.SectionName}:PrivateKeyPem or PrivateKeyPath is required.");
        var identity = SigningIdentity.FromPem(options.MspId, certificate, key);
        var channel = FabricChannelFactory.Create(options);
        return new FabricLedgerClient(channel.CreateCallInvoker(), identity, options, new OwnedResources(channel, identity), clock);
    }

    public string TransactionIdFor(string commandId) =>
        TransactionIds.Compute(TransactionIds.NonceForCommand(commandId), identity.Creator.Span);

    public async Task<byte[]> EvaluateAsync(string transactionName, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var proposed = Propose(transactionName, arguments, TransactionIds.RandomNonce());
        var request = new EvaluateRequest
        {
            TransactionId = proposed.TransactionId,
            ChannelId = options.ChannelName,
            ProposedTransaction = proposed.SignedProposal,
        };
        request.TargetOrganizations.AddRange(options.EndorsingOrganizations);
        try
        {
            var response = await _gateway.EvaluateAsync(request, CallOptions(options.EvaluateTimeout, cancellationToken)).ConfigureAwait(false);
            return response.Result?.Payload.ToByteArray() ?? [];
        }
        catch (RpcException exception)
        {
            throw GatewayErrorTranslator.Translate(exception, null, $"Evaluate {transactionName}", cancellationToken);
        }
    }

    public async Task<CommittedTransaction> SubmitAsync(string commandId, string transactionName, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var proposed = Propose(transactionName, arguments, TransactionIds.NonceForCommand(commandId));
        string transactionId = proposed.TransactionId;

        var endorseRequest = new EndorseRequest
        {
            TransactionId = transactionId,
            ChannelId = options.ChannelName,
            ProposedTransaction = proposed.SignedProposal,
        };
        endorseRequest.EndorsingOrganizations.AddRange(options.EndorsingOrganizations);
        EndorseResponse endorsed;
        try
        {
            endorsed = await _gateway.EndorseAsync(endorseRequest, CallOptions(options.EndorseTimeout, cancellationToken)).ConfigureAwait(false);
        }
        catch (RpcException exception)
        {
            throw GatewayErrorTranslator.Translate(exception, transactionId, $"Endorse {transactionName} ({transactionId})", cancellationToken);
        }

        var envelope = endorsed.PreparedTransaction;
        envelope.Signature = identity.SignToByteString(envelope.Payload);
        byte[] result = PreparedTransactionReader.ReadResult(envelope);
        try
        {
            await _gateway.SubmitAsync(
                new SubmitRequest { TransactionId = transactionId, ChannelId = options.ChannelName, PreparedTransaction = envelope },
                CallOptions(options.SubmitTimeout, cancellationToken)).ConfigureAwait(false);
        }
        catch (RpcException exception)
        {
            throw GatewayErrorTranslator.Translate(exception, transactionId, $"Submit {transactionName} ({transactionId})", cancellationToken);
        }

        var outcome = await GetCommitStatusAsync(transactionId, cancellationToken).ConfigureAwait(false);
        if (!outcome.IsValid)
        {
            throw new LedgerCommitException(transactionId, outcome.ValidationCode,
                $"Transaction {transactionId} ({transactionName}) committed in block {outcome.BlockNumber} with validation code {ValidationCodeName(outcome.ValidationCode)}.");
        }
        return new CommittedTransaction(transactionId, outcome.BlockNumber, result);
    }

    public async Task<CommitOutcome> GetCommitStatusAsync(string transactionId, CancellationToken cancellationToken = default)
    {
        var request = new CommitStatusRequest { TransactionId = transactionId, ChannelId = options.ChannelName, Identity = identity.Creator }.ToByteString();
        var signed = new SignedCommitStatusRequest { Request = request, Signature = identity.SignToByteString(request) };
        try
        {
            var response = await _gateway.CommitStatusAsync(signed, CallOptions(options.CommitStatusTimeout, cancellationToken)).ConfigureAwait(false);
            return new CommitOutcome(transactionId, response.BlockNumber, (int)response.Result);
        }
        catch (RpcException exception)
        {
            throw GatewayErrorTranslator.Translate(exception, null, $"CommitStatus {transactionId}", cancellationToken);
        }
    }

    public async IAsyncEnumerable<LedgerEvent> ReadEventsAsync(LedgerCheckpoint? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ChaincodeEventsRequest
        {
            ChannelId = options.ChannelName,
            ChaincodeId = options.ChaincodeName,
            Identity = identity.Creator,
            // Fabric's checkpointer: resume at the checkpoint's block, skipping up to and including its last
            // transaction, so the rest of a half-processed block is delivered; with no checkpoint, the next commit.
            StartPosition = checkpoint is null
                ? new SeekPosition { NextCommit = new SeekNextCommit() }
                : new SeekPosition { Specified = new SeekSpecified { Number = checkpoint.BlockNumber } },
            AfterTransactionId = checkpoint?.TransactionId ?? "",
        };
        var requestBytes = request.ToByteString();
        var signed = new SignedChaincodeEventsRequest { Request = requestBytes, Signature = identity.SignToByteString(requestBytes) };

        using var call = _gateway.ChaincodeEvents(signed, new CallOptions(cancellationToken: cancellationToken));
        while (true)
        {
            bool received;
            try
            {
                received = await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException exception)
            {
                throw GatewayErrorTranslator.Translate(exception, null, "ChaincodeEvents", cancellationToken);
            }
            if (!received)
            {
                throw new LedgerUnavailableException("The gateway ended the chaincode event stream; resume from the last checkpoint.");
            }
            var response = call.ResponseStream.Current;
            foreach (var chaincodeEvent in response.Events)
            {
                yield return new LedgerEvent(response.BlockNumber, chaincodeEvent.TxId, chaincodeEvent.ChaincodeId,
                    chaincodeEvent.EventName, chaincodeEvent.Payload.ToByteArray());
            }
        }
    }

    public void Dispose() => ownedResources?.Dispose();

    private TransactionProposal Propose(string transactionName, IReadOnlyList<string> arguments, byte[] nonce) =>
        SignedProposalFactory.Create(identity, options.ChannelName, options.ChaincodeName, transactionName, arguments, nonce, (clock ?? TimeProvider.System).GetUtcNow());

    private static CallOptions CallOptions(TimeSpan timeout, CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow.Add(timeout), cancellationToken: cancellationToken);

    private static string ValidationCodeName(int code) =>
        Enum.IsDefined(typeof(Protos.Peer.TxValidationCode), code) ? ((Protos.Peer.TxValidationCode)code).ToString() : code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class OwnedResources(params IDisposable[] resources) : IDisposable
    {
        public void Dispose()
        {
            foreach (var resource in resources)
            {
                resource.Dispose();
            }
        }
    }
}
