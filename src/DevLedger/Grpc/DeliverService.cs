using Grpc.Core;
using GxProtocol.DevLedger.Engine;
using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.DevLedger.Grpc;

/// <summary>
/// The peer's protos.Deliver service, filtered blocks only: the official Fabric Gateway clients' block events ask for
/// them on the gateway's connection. Full blocks and private data are not kept in memory, so those calls are refused.
/// </summary>
public sealed class DeliverService(LedgerEngine ledger) : Deliver.DeliverBase
{
    private const string FilteredOnly =
        "the DevLedger delivers filtered blocks (protos.Deliver/DeliverFiltered) and chaincode events, not full blocks or private data";

    public override async Task DeliverFiltered(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<DeliverResponse> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        try
        {
            // Like a peer, one stream may carry several seek requests in turn, each answered through its final status.
            while (await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                await foreach (var response in ledger.DeliverFilteredAsync(requestStream.Current, cancellationToken).ConfigureAwait(false))
                {
                    await responseStream.WriteAsync(response, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client closed its event iterator or its deadline passed.
        }
    }

    public override Task Deliver(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<DeliverResponse> responseStream, ServerCallContext context) =>
        throw new RpcException(new global::Grpc.Core.Status(StatusCode.Unimplemented, FilteredOnly));

    public override Task DeliverWithPrivateData(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<DeliverResponse> responseStream, ServerCallContext context) =>
        throw new RpcException(new global::Grpc.Core.Status(StatusCode.Unimplemented, FilteredOnly));
}
