using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;
using GxProtocol.Fabric.Protos.Gateway;
using RpcStatus = GxProtocol.Fabric.Protos.Rpc.Status;

namespace GxProtocol.Fabric.Client;

/// <summary>
/// Turns the Fabric Gateway's gRPC errors into the typed ledger exceptions. The gateway reports endorser
/// failures as gateway.ErrorDetail messages in the grpc-status-details-bin trailer; a chaincode rejection reads
/// "chaincode response 400, &lt;message&gt;" and a tx id already on the ledger reads "duplicate transaction found".
/// </summary>
internal static partial class GatewayErrorTranslator
{
    public const string StatusDetailsTrailer = "grpc-status-details-bin";
    private const string DuplicateTransactionMarker = "duplicate transaction found";

    [GeneratedRegex(@"chaincode response (\d{3}), (.*)\z", RegexOptions.Singleline)]
    private static partial Regex ChaincodeResponsePattern();

    public static Exception Translate(RpcException exception, string? transactionId, string operation, CancellationToken cancellationToken)
    {
        if (exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException($"{operation} was cancelled.", exception, cancellationToken);
        }

        var details = ReadErrorDetails(exception);
        var messages = details.Select(detail => detail.Message).Prepend(exception.Status.Detail).ToList();
        string summary = details.Count == 0
            ? $"{operation} failed: {exception.Status.Detail}"
            : $"{operation} failed: {exception.Status.Detail} [{string.Join("; ", details.Select(d => $"{d.MspId}@{d.Address}: {d.Message}"))}]";

        if (transactionId is not null && messages.Any(message => message.Contains(DuplicateTransactionMarker, StringComparison.Ordinal)))
        {
            return new LedgerCommitException(transactionId, TxValidationCodes.DuplicateTxId, summary);
        }

        // The first message carrying the chaincode's response gives both its status and its own sentence (the rest of that message).
        var chaincodeResponse = messages
            .Select(message => ChaincodeResponsePattern().Match(message))
            .FirstOrDefault(match => match.Success);
        if (chaincodeResponse is not null)
        {
            var chaincodeStatus = int.Parse(chaincodeResponse.Groups[1].Value, CultureInfo.InvariantCulture);
            return new LedgerEndorsementException(summary, chaincodeStatus, details, exception, chaincodeResponse.Groups[2].Value);
        }

        return exception.StatusCode switch
        {
            StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled or StatusCode.ResourceExhausted
                or StatusCode.Internal => new LedgerUnavailableException(summary, exception),
            StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.NotFound
                or StatusCode.Unimplemented or StatusCode.OutOfRange => new LedgerRequestRejectedException(summary, exception),
            _ => new LedgerEndorsementException(summary, null, details, exception),
        };
    }

    private static List<EndorsementErrorDetail> ReadErrorDetails(RpcException exception)
    {
        var result = new List<EndorsementErrorDetail>();
        var trailer = exception.Trailers.Get(StatusDetailsTrailer);
        if (trailer is null || !trailer.IsBinary)
        {
            return result;
        }
        try
        {
            var status = RpcStatus.Parser.ParseFrom(trailer.ValueBytes);
            foreach (var any in status.Details)
            {
                if (any.TryUnpack<ErrorDetail>(out var detail))
                {
                    result.Add(new EndorsementErrorDetail(detail.Address, detail.MspId, detail.Message));
                }
            }
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            // A malformed details trailer must not hide the gRPC status itself.
        }
        return result;
    }
}
