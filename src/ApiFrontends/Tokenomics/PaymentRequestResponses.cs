using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.Grains.Interfaces.PaymentRequests;

namespace GxProtocol.ApiFrontends.Tokenomics;

/// <summary>
/// A payment request. Everyone signed in sees what a payer needs (amount, payee's display name, remark, status,
/// expiry); the payee's id, the QR payload and the payment's details are shown to the payee (and the payer's own
/// command id to the payer).
/// </summary>
public sealed record PaymentRequestResponse(
    string Code,
    string Amount,
    string PayeeDisplayName,
    string? Remark,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    Guid? PayeeId = null,
    string? QrPayload = null,
    Guid? PayerId = null,
    Guid? CommandId = null,
    DateTimeOffset? PaidAt = null,
    string? LastFailureCode = null,
    string? LastFailureMessage = null)
{
    public static PaymentRequestResponse For(PaymentRequestView request, Guid callerId)
    {
        var visible = new PaymentRequestResponse(request.Code, CoinFormat.ToCoins(request.AmountQirat), request.PayeeDisplayName,
            request.Remark, request.Status, request.CreatedAt, request.ExpiresAt);
        if (callerId == request.PayeeId)
        {
            return visible with
            {
                PayeeId = request.PayeeId,
                QrPayload = request.QrPayload,
                PayerId = request.PayerId,
                CommandId = request.CommandId,
                PaidAt = request.PaidAt,
                LastFailureCode = request.LastFailureCode,
                LastFailureMessage = request.LastFailureMessage,
            };
        }
        return callerId == request.PayerId ? visible with { PayerId = request.PayerId, CommandId = request.CommandId, PaidAt = request.PaidAt } : visible;
    }
}

public sealed record PaymentRequestsPage(IReadOnlyList<PaymentRequestResponse> Items, string? NextCursor);
