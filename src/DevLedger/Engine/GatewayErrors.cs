using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GxProtocol.Fabric.Protos.Gateway;
using RpcStatus = GxProtocol.Fabric.Protos.Rpc.Status;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// Errors worded and coded like a Fabric peer's gateway, with gateway.ErrorDetail messages in the
/// grpc-status-details-bin trailer so the official clients show the endpoint details.
/// </summary>
internal static class GatewayErrors
{
    public const string StatusDetailsTrailer = "grpc-status-details-bin";

    public static RpcException WithDetails(StatusCode code, string message, params ErrorDetail[] details)
    {
        var status = new RpcStatus { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }
        var trailers = new Metadata { { StatusDetailsTrailer, status.ToByteArray() } };
        return new RpcException(new Status(code, message), trailers, message);
    }

    public static RpcException Plain(StatusCode code, string message) => new(new Status(code, message), message);

    public static RpcException EndorsementFailed(string peerAddress, string peerMspId, string endorserMessage) =>
        WithDetails(StatusCode.Aborted, "failed to endorse transaction, see attached details for more info",
            new ErrorDetail { Address = peerAddress, MspId = peerMspId, Message = endorserMessage });

    public static RpcException EvaluateFailed(StatusCode code, string peerAddress, string peerMspId, string endorserMessage) =>
        WithDetails(code, "evaluate call to endorser returned error: " + endorserMessage,
            new ErrorDetail { Address = peerAddress, MspId = peerMspId, Message = endorserMessage });

    public static RpcException OrdererRefused(string status, string info) =>
        Plain(StatusCode.Aborted, $"received unsuccessful response from orderer: status={status}, info={info}");
}
