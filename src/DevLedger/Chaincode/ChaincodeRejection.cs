namespace GxProtocol.DevLedger.Chaincode;

/// <summary>
/// A business refusal raised anywhere inside a contract and turned into <see cref="ChaincodeResponse.Error"/> by the
/// dispatcher; nothing buffered by the transaction is written when it is thrown.
/// </summary>
internal sealed class ChaincodeRejection(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ChaincodeRejection BadRequest(string message) => new(400, message);
    public static ChaincodeRejection Forbidden(string message) => new(403, message);
    public static ChaincodeRejection NotFound(string message) => new(404, message);
    public static ChaincodeRejection Conflict(string message) => new(409, message);
}
