using GxProtocol.ApiFrontends.Domain.Money;

namespace GxProtocol.ApiFrontends.Tokenomics;

/// <summary>A payee's request for <see cref="Amount"/>; payable for <see cref="ExpiresInSeconds"/> (60–600, default 300).</summary>
public sealed record CreatePaymentRequestBody(PositiveCoinAmount Amount, string? Remark = null, int? ExpiresInSeconds = null);

/// <summary>
/// Paying a request. <see cref="QrPayload"/> is the text the payer's app read from the QR code; when given it must be
/// the request's own signed payload, else 400 (a payer who typed the code sends none).
/// </summary>
public sealed record PayPaymentRequestBody(string? QrPayload = null);
