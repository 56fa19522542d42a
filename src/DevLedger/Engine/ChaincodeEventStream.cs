using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Protos.Orderer;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The gateway's ChaincodeEvents stream, read from the chain's in-memory block summaries. Its own class because it
/// is the long-lived reader the ledger listener depends on: resuming after a transaction id and the injected stream
/// drop live here, away from the write path.
/// </summary>
internal sealed class ChaincodeEventStream(DevLedgerOptions options, SignedRequestAuthorizer authorizer, Chain chain, FaultInjector faults)
{
    private readonly DevLedgerOptions _options = options;
    private readonly SignedRequestAuthorizer _authorizer = authorizer;
    private readonly Chain _chain = chain;
    private readonly FaultInjector _faults = faults;

    /// <summary>
    /// Chaincode events of VALID transactions, one response per block that has any, from the requested start like a
    /// Fabric peer: NextCommit or Specified (Newest and Oldest are refused), and with <c>after_transaction_id</c> the
    /// stream starts at that transaction's block and skips it and everything before it in that block.
    /// </summary>
    public async IAsyncEnumerable<ChaincodeEventsResponse> ReadAsync(
        SignedChaincodeEventsRequest signed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Inside the iterator, as before the split: a simulated outage surfaces on the first read of the stream.
        _faults.ThrowIfRefusingCalls();
        ChaincodeEventsRequest request;
        try
        {
            request = ChaincodeEventsRequest.Parser.ParseFrom(signed.Request);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw GatewayErrors.Plain(StatusCode.InvalidArgument, "invalid chaincode events request: " + exception.Message);
        }
        _authorizer.Authorize(request.Identity, signed.Request, signed.Signature);
        if (request.ChannelId != _options.ChannelName)
        {
            throw GatewayErrors.Plain(StatusCode.NotFound, $"channel '{request.ChannelId}' not found");
        }

        ulong startBlock;
        int skipThroughIndex = -1;
        if (request.AfterTransactionId.Length > 0 && _chain.TryGetTransaction(request.AfterTransactionId, out var after))
        {
            startBlock = after.BlockNumber;
            skipThroughIndex = after.Index;
        }
        else
        {
            startBlock = request.StartPosition?.TypeCase switch
            {
                null or SeekPosition.TypeOneofCase.None or SeekPosition.TypeOneofCase.NextCommit => _chain.Height,
                SeekPosition.TypeOneofCase.Specified => request.StartPosition.Specified.Number,
                var other => throw GatewayErrors.Plain(StatusCode.InvalidArgument,
                    $"invalid start position type: *orderer.SeekPosition_{other}"),
            };
        }

        int? dropAfter = _faults.Options.DropEventStreamAfterEvents;
        int delivered = 0;
        for (ulong number = startBlock; ; number++)
        {
            await _chain.WaitForBlockAsync(number, cancellationToken).ConfigureAwait(false);
            var block = _chain.GetBlock(number);
            var response = new ChaincodeEventsResponse { BlockNumber = number };
            for (int index = 0; index < block.Transactions.Count; index++)
            {
                var transaction = block.Transactions[index];
                if ((number == startBlock && index <= skipThroughIndex)
                    || transaction.ValidationCode != (int)TxValidationCode.Valid
                    || transaction.Event is null
                    || transaction.Event.ChaincodeId != request.ChaincodeId)
                {
                    continue;
                }
                if (dropAfter is int limit && delivered >= limit)
                {
                    if (response.Events.Count > 0)
                    {
                        yield return response;
                    }
                    throw new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, $"DevLedger fault injection: event stream dropped after {limit} events"));
                }
                response.Events.Add(transaction.Event);
                delivered++;
            }
            if (response.Events.Count > 0)
            {
                yield return response;
            }
        }
    }
}
