using System.Globalization;
using System.Security.Claims;
using GxProtocol.ApiFrontends.Domain;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Tokenomics;

/// <summary>tokenomics (3003): transfers, balances and wallet history here; genesis, freezing and treasuries in TokenomicsApi.Admin.cs.</summary>
public static partial class TokenomicsApi
{
    public static IEndpointRouteBuilder MapTokenomicsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(GxServiceNames.Prefix(GxServiceNames.Tokenomics)).WithTags(GxServiceNames.Tokenomics);

        api.MapPost("/transfers", TransferAsync).RequireAuthorization().AsLedgerCommand()
            .WithSummary("Send coins to a user or an organization (ledger command)");
        api.MapGet("/wallets/{profileId:guid}/balance", GetBalanceAsync).RequireAuthorization()
            .WithSummary("A wallet's balance (its owner or admin)");
        api.MapGet("/wallets/{profileId:guid}/transactions", GetTransactionsAsync).RequireAuthorization()
            .WithSummary("A wallet's transactions, newest first (its owner or admin)");
        MapAdministrationRoutes(api);
        MapPaymentRequestRoutes(api);
        return routes;
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> TransferAsync(
        TransferRequestBody body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator()
                .Must(body.ToUserId is null != body.ToOrgId is null, "toUserId", "give exactly one of toUserId (a user) or toOrgId (an organization).")
                .Must(body.ToUserId != Guid.Empty, "toUserId", "must not be empty.")
                .Must(body.ToOrgId is null || OrganizationIds.IsValid(body.ToOrgId), "toOrgId", OrganizationIds.Rule)
                .Optional("remark", body.Remark, 280)
                .HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await grains.GetGrain<IUserGrain>(caller.GetUserId())
            .TransferAsync(new TransferRequest(commandId.Value, body.ToUserId ?? Guid.Empty, body.Amount.Qirat, body.Remark ?? "", body.ToOrgId));
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<BalanceResponse>, ProblemHttpResult>> GetBalanceAsync(Guid profileId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        // An unknown wallet answers 404 from the grain, the same as someone else's.
        return caller.IsSelfOrAdmin(profileId)
            ? TypedResults.Ok(BalanceResponse.From(await grains.GetGrain<IUserGrain>(profileId).GetWalletAsync()))
            : GxProblems.NotFound("Wallet");
    }

    private static async Task<Results<Ok<WalletTransactionsPage>, ProblemHttpResult>> GetTransactionsAsync(
        Guid profileId, string? cursor, int? limit, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!caller.IsSelfOrAdmin(profileId))
        {
            return GxProblems.NotFound("Wallet");
        }
        if (new RequestValidator()
                .PageLimit("limit", limit)
                .Must(cursor is null || long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _), "cursor", "is not a cursor this API returned.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var page = await grains.GetGrain<IReadModelQueryGrain>(0).GetWalletTransactionsAsync(profileId, cursor, limit ?? 20);
        return TypedResults.Ok(new WalletTransactionsPage(page.Items.Select(WalletTransactionResponse.From).ToList(), page.NextCursor));
    }
}
