using System.Globalization;
using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Grains.Interfaces.PaymentRequests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Tokenomics;

/// <summary>
/// QR payment requests ("QSend"): a payee asks for an amount and shows a code or QR; a payer pays it with an ordinary
/// transfer. The code is the capability: any signed-in user who has it may view and pay the request, while listing,
/// the QR image and cancelling belong to the payee alone (404 for anyone else).
/// </summary>
public static partial class TokenomicsApi
{
    private const string PaymentRequestNotFound = "Payment request";

    private static void MapPaymentRequestRoutes(RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/payment-requests").RequireAuthorization();
        requests.MapPost("", CreatePaymentRequestAsync).AsLedgerCommand()
            .WithSummary("Creates a payment request of the caller (the payee): a QS- code and a signed QR payload, payable for 60–600 s");
        requests.MapGet("", ListPaymentRequestsAsync)
            .WithSummary("The caller's own payment requests, newest first (cursor pagination)");
        requests.MapGet("/{code}", GetPaymentRequestAsync)
            .WithSummary("A payment request by its code: any signed-in user holding the code sees amount, payee display name, status and expiry (the payee sees everything)");
        requests.MapGet("/{code}/qr.png", GetPaymentRequestQrAsync)
            .Produces<byte[]>(StatusCodes.Status200OK, "image/png")
            .WithSummary("The QR code of the caller's own payment request as a PNG (its content is the signed payload); 404 for anyone else");
        requests.MapPost("/{code}/pay", PayPaymentRequestAsync).AsLedgerCommand()
            .WithSummary("Pays a payment request with an ordinary transfer (fee, hold, 202 or Prefer: wait) from the caller's wallet; paid at most once, never by its payee");
        requests.MapPost("/{code}/cancel", CancelPaymentRequestAsync).AsLedgerCommand()
            .WithSummary("Cancels the caller's own OPEN payment request; 404 for anyone else");
    }

    private static async Task<Results<Created<PaymentRequestResponse>, ProblemHttpResult>> CreatePaymentRequestAsync(
        CreatePaymentRequestBody body, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator()
                .Optional("remark", body.Remark, NewPaymentRequest.MaxRemarkLength)
                .InRange("expiresInSeconds", body.ExpiresInSeconds, NewPaymentRequest.MinExpiresInSeconds, NewPaymentRequest.MaxExpiresInSeconds)
                .HasProblem(out var problem))
        {
            return problem;
        }
        var payeeId = caller.GetUserId();
        var created = await grains.GetGrain<IPaymentRequestIndexGrain>(payeeId).CreateAsync(new NewPaymentRequest(
            body.Amount.Qirat, string.IsNullOrWhiteSpace(body.Remark) ? null : body.Remark.Trim(),
            body.ExpiresInSeconds ?? NewPaymentRequest.DefaultExpiresInSeconds));
        return TypedResults.Created(PaymentRequestLocation(created.Code), PaymentRequestResponse.For(created, payeeId));
    }

    private static async Task<Results<Ok<PaymentRequestsPage>, ProblemHttpResult>> ListPaymentRequestsAsync(
        string? cursor, int? limit, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator()
                .PageLimit("limit", limit)
                .Must(cursor is null || long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _), "cursor", "is not a cursor this API returned.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var payeeId = caller.GetUserId();
        var page = await grains.GetGrain<IPaymentRequestIndexGrain>(payeeId).ListAsync(cursor, limit ?? 20);
        return TypedResults.Ok(new PaymentRequestsPage(page.Items.Select(r => PaymentRequestResponse.For(r, payeeId)).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<PaymentRequestResponse>, ProblemHttpResult>> GetPaymentRequestAsync(
        string code, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (PaymentRequestCodes.Normalize(code) is not { } normalized)
        {
            return GxProblems.NotFound(PaymentRequestNotFound);
        }
        var request = await grains.GetGrain<IPaymentRequestGrain>(normalized).GetAsync();
        return TypedResults.Ok(PaymentRequestResponse.For(request, caller.GetUserId()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPaymentRequestQrAsync(
        string code, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (PaymentRequestCodes.Normalize(code) is not { } normalized)
        {
            return GxProblems.NotFound(PaymentRequestNotFound);
        }
        var request = await grains.GetGrain<IPaymentRequestGrain>(normalized).GetAsync();
        return request.PayeeId == caller.GetUserId()
            ? TypedResults.File(PaymentRequestQrCode.Png(request.QrPayload), "image/png")
            : GxProblems.NotFound(PaymentRequestNotFound);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> PayPaymentRequestAsync(
        string code, [FromBody] PayPaymentRequestBody? body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (PaymentRequestCodes.Normalize(code) is not { } normalized)
        {
            return GxProblems.NotFound(PaymentRequestNotFound);
        }
        if (new RequestValidator().Optional("qrPayload", body?.QrPayload, 512).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await grains.GetGrain<IPaymentRequestGrain>(normalized)
            .PayAsync(new PaymentRequestPayment(caller.GetUserId(), commandId.Value, body?.QrPayload));
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<PaymentRequestResponse>, ProblemHttpResult>> CancelPaymentRequestAsync(
        string code, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (PaymentRequestCodes.Normalize(code) is not { } normalized)
        {
            return GxProblems.NotFound(PaymentRequestNotFound);
        }
        var callerId = caller.GetUserId();
        return TypedResults.Ok(PaymentRequestResponse.For(await grains.GetGrain<IPaymentRequestGrain>(normalized).CancelAsync(callerId), callerId));
    }

    private static string PaymentRequestLocation(string code) => $"{GxServiceNames.Prefix(GxServiceNames.Tokenomics)}/payment-requests/{code}";
}
