using System.Globalization;
using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Grains.Interfaces.Loans;
using GxProtocol.Grains.Interfaces.ReadModels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.LoanPool;

/// <summary>
/// loanpool (3005): interest-free loans from the loan pool. Amount, trust score (at least 75) and the borrower's
/// limits are checked by the grains before anything reaches the ledger.
/// </summary>
public static class LoanPoolApi
{
    public static IEndpointRouteBuilder MapLoanPoolApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(GxServiceNames.Prefix(GxServiceNames.LoanPool)).WithTags(GxServiceNames.LoanPool);
        var users = api.MapGroup("").RequireAuthorization();
        var admins = api.MapGroup("").RequireAuthorization(GxPolicies.Admin);

        users.MapPost("/loans", ApplyAsync).AsLedgerCommand()
            .WithSummary("Apply for a loan from the loan pool against a collateral hash (ledger command)");
        users.MapGet("/loans/{loanId:guid}", GetLoanAsync).WithSummary("One loan (its borrower or admin)");
        admins.MapPost("/loans/{loanId:guid}/approve", ApproveAsync).AsLedgerCommand()
            .WithSummary("Approve a loan application and pay out the loan (admin; ledger command)");
        admins.MapPost("/loans/{loanId:guid}/reject", RejectAsync).AsLedgerCommand()
            .WithSummary("Reject a loan application, with a reason (admin; ledger command)");
        users.MapPost("/loans/{loanId:guid}/repayments", RepayAsync).AsLedgerCommand()
            .WithSummary("Repay part or all of a loan (its borrower; ledger command)");
        users.MapGet("/users/{borrowerId:guid}/loans", GetLoansOfBorrowerAsync)
            .WithSummary("A borrower's loans (self or admin)");
        return routes;
    }

    private static async Task<Results<Ok<LoanApplicationResponse>, Accepted<LoanApplicationResponse>, ProblemHttpResult>> ApplyAsync(
        ApplyForLoanRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        // Amount range and term are checked once, by the grains, with the chaincode's own rules.
        if (new RequestValidator().Required("collateralHash", body.CollateralHash, 64).Sha256Hex("collateralHash", body.CollateralHash).HasProblem(out var problem))
        {
            return problem;
        }
        var applied = await grains.GetGrain<ILoanDeskGrain>(0).ApplyAsync(
            new LoanApplication(commandId.Value, caller.GetUserId(), body.Amount.Qirat, body.CollateralHash, body.TermDays));
        var answer = await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, applied.Command);
        return answer.Result is Ok<CommandStatusResponse> { Value: { } finished }
            ? TypedResults.Ok(LoanApplicationResponse.Finished(applied.LoanId, finished))
            : TypedResults.Accepted(AcceptedCommand.StatusLocation(applied.Command.CommandId), LoanApplicationResponse.Accepted(applied.LoanId, applied.Command));
    }

    private static async Task<Results<Ok<LoanResponse>, ProblemHttpResult>> GetLoanAsync(Guid loanId, ClaimsPrincipal caller, IGrainFactory grains) =>
        await grains.GetGrain<ILoanGrain>(ILoanGrain.KeyFor(loanId)).GetAsync() is { } loan && caller.IsSelfOrAdmin(loan.BorrowerId)
            ? TypedResults.Ok(LoanResponse.From(loan))
            : GxProblems.NotFound("Loan");

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ApproveAsync(
        Guid loanId, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var accepted = await grains.GetGrain<ILoanGrain>(ILoanGrain.KeyFor(loanId)).ApproveAsync(caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> RejectAsync(
        Guid loanId, RejectLoanRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("reason", body.Reason, 500).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await grains.GetGrain<ILoanGrain>(ILoanGrain.KeyFor(loanId)).RejectAsync(caller.GetUserId(), commandId.Value, body.Reason.Trim());
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> RepayAsync(
        Guid loanId, RepayLoanRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var accepted = await grains.GetGrain<ILoanGrain>(ILoanGrain.KeyFor(loanId)).RepayAsync(caller.GetUserId(), commandId.Value, body.Amount.Qirat);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<LoansPage>, ProblemHttpResult>> GetLoansOfBorrowerAsync(
        Guid borrowerId, string? cursor, int? limit, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!caller.IsSelfOrAdmin(borrowerId))
        {
            return GxProblems.NotFound("User");
        }
        if (new RequestValidator().PageLimit("limit", limit)
                .Must(cursor is null || long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _), "cursor", "is not a cursor this API returned.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var page = await grains.GetGrain<IReadModelQueryGrain>(0).GetLoansOfBorrowerAsync(borrowerId, cursor, limit ?? 20);
        return TypedResults.Ok(new LoansPage(page.Items.Select(LoanSummaryResponse.From).ToList(), page.NextCursor));
    }
}
