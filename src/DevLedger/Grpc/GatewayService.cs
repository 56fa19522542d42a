using Grpc.Core;
using GxProtocol.DevLedger.Engine;
using GxProtocol.Fabric.Protos.Gateway;

namespace GxProtocol.DevLedger.Grpc;

/// <summary>
/// The gateway.Gateway gRPC service: a thin adapter over <see cref="LedgerEngine"/>. With <see cref="DeliverService"/>
/// beside it, the official Fabric Gateway clients work against the DevLedger unchanged for evaluate, endorse, submit,
/// commit status, chaincode events and filtered block events (tests/Ledger.Tests/Interop runs the Node client); full
/// block events get UNIMPLEMENTED.
/// </summary>
public sealed class GatewayService(LedgerEngine ledger) : Gateway.GatewayBase
{
    public override Task<EndorseResponse> Endorse(EndorseRequest request, ServerCallContext context) =>
        Task.FromResult(ledger.Endorse(request));

    public override Task<SubmitResponse> Submit(SubmitRequest request, ServerCallContext context) =>
        Task.FromResult(ledger.Submit(request));

    public override Task<CommitStatusResponse> CommitStatus(SignedCommitStatusRequest request, ServerCallContext context) =>
        ledger.CommitStatusAsync(request, context.CancellationToken);

    public override Task<EvaluateResponse> Evaluate(EvaluateRequest request, ServerCallContext context) =>
        Task.FromResult(ledger.Evaluate(request));

    public override async Task ChaincodeEvents(SignedChaincodeEventsRequest request, IServerStreamWriter<ChaincodeEventsResponse> responseStream, ServerCallContext context)
    {
        try
        {
            await foreach (var response in ledger.ChaincodeEventsAsync(request, context.CancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away or its deadline passed; nothing left to tell it.
        }
    }
}
