using Google.Protobuf;
using Grpc.Core;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The gateway's CommitStatus: checks the signed request as a peer does, then waits on the chain for the
/// transaction's commit. Its own class because it is the one gateway call that parks a request until the orderer
/// thread has cut and committed a block.
/// </summary>
internal sealed class CommitStatusReader(DevLedgerOptions options, SignedRequestAuthorizer authorizer, Chain chain, FaultInjector faults)
{
    private readonly DevLedgerOptions _options = options;
    private readonly SignedRequestAuthorizer _authorizer = authorizer;
    private readonly Chain _chain = chain;
    private readonly FaultInjector _faults = faults;

    /// <summary>The validation code and block of a transaction, waiting for its commit.</summary>
    public async Task<CommitStatusResponse> ReadAsync(SignedCommitStatusRequest signed, CancellationToken cancellationToken)
    {
        // Inside the async body, as before the split: a simulated outage surfaces through the returned task.
        _faults.ThrowIfRefusingCalls();
        CommitStatusRequest request;
        try
        {
            request = CommitStatusRequest.Parser.ParseFrom(signed.Request);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw GatewayErrors.Plain(StatusCode.InvalidArgument, "invalid status request: " + exception.Message);
        }
        if (request.Identity.IsEmpty)
        {
            throw GatewayErrors.Plain(StatusCode.InvalidArgument, "no identity provided");
        }
        if (request.ChannelId.Length == 0)
        {
            throw GatewayErrors.Plain(StatusCode.InvalidArgument, "no channel ID provided");
        }
        if (request.TransactionId.Length == 0)
        {
            throw GatewayErrors.Plain(StatusCode.InvalidArgument, "transaction ID should not be empty");
        }
        _authorizer.Authorize(request.Identity, signed.Request, signed.Signature);
        if (request.ChannelId != _options.ChannelName)
        {
            throw GatewayErrors.Plain(StatusCode.NotFound, $"channel '{request.ChannelId}' not found");
        }
        var location = await _chain.WaitForTransactionAsync(request.TransactionId, cancellationToken).ConfigureAwait(false);
        return new CommitStatusResponse { Result = (TxValidationCode)location.ValidationCode, BlockNumber = location.BlockNumber };
    }
}
