namespace GxProtocol.Fabric;

/// <summary>Base of every ledger failure; <see cref="IsTransient"/> says whether a retry may succeed.</summary>
public abstract class LedgerException(string message, Exception? inner = null) : Exception(message, inner)
{
    public abstract bool IsTransient { get; }
}

/// <summary>The peer could not be reached, or a deadline passed: the same call may succeed later.</summary>
public sealed class LedgerUnavailableException(string message, Exception? inner = null) : LedgerException(message, inner)
{
    public override bool IsTransient => true;
}

/// <summary>
/// Endorsement refused. <see cref="ChaincodeStatus"/> is the chaincode's response status when the chaincode
/// itself rejected the proposal (a business rule: permanent); null when an endorser failed for other reasons.
/// <see cref="ChaincodeMessage"/> is then the chaincode's own sentence, without the gateway's wording around it.
/// </summary>
public sealed class LedgerEndorsementException(
    string message,
    int? chaincodeStatus,
    IReadOnlyList<EndorsementErrorDetail> details,
    Exception? inner = null,
    string? chaincodeMessage = null) : LedgerException(message, inner)
{
    public int? ChaincodeStatus { get; } = chaincodeStatus;
    public string? ChaincodeMessage { get; } = chaincodeMessage;
    public IReadOnlyList<EndorsementErrorDetail> Details { get; } = details;
    public override bool IsTransient => ChaincodeStatus is null;
}

/// <summary>One endpoint's part of an endorsement failure, as the Fabric Gateway reports it (gateway.ErrorDetail).</summary>
public sealed record EndorsementErrorDetail(string Address, string MspId, string Message);

/// <summary>The transaction was ordered but committed invalid.</summary>
public sealed class LedgerCommitException(string transactionId, int validationCode, string message)
    : LedgerException(message)
{
    public string TransactionId { get; } = transactionId;
    public int ValidationCode { get; } = validationCode;
    public bool IsDuplicate => ValidationCode == TxValidationCodes.DuplicateTxId;
    public override bool IsTransient => ValidationCode is TxValidationCodes.MvccReadConflict or TxValidationCodes.PhantomReadConflict;
}
