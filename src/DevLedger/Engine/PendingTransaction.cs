using Google.Protobuf;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// A transaction accepted by the orderer and waiting for its block. Signature and endorsement checks are done on
/// the submitting request's thread; <see cref="PreValidationCode"/> carries their verdict to the committer.
/// </summary>
internal sealed record PendingTransaction(ParsedEnvelope Envelope, ByteString EnvelopeBytes, int PreValidationCode);
