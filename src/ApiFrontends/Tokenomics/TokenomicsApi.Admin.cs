using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Tokenomics;

/// <summary>Late genesis, wallet freezing (commands issued from the user's grain) and the public treasury balances.</summary>
public static partial class TokenomicsApi
{
    private static void MapAdministrationRoutes(RouteGroupBuilder api)
    {
        api.MapPost("/genesis", DistributeGenesisAsync).RequireAuthorization(GxPolicies.SuperAdmin).AsLedgerCommand()
            .WithSummary("Pay a user's genesis allocation (super admin; ledger command)");
        api.MapPost("/wallets/{profileId:guid}/freeze", FreezeWalletAsync).RequireAuthorization(GxPolicies.Admin).AsLedgerCommand()
            .WithSummary("Freeze a wallet, with a reason: it can neither send nor receive (admin; ledger command)");
        api.MapPost("/wallets/{profileId:guid}/unfreeze", UnfreezeWalletAsync).RequireAuthorization(GxPolicies.Admin).AsLedgerCommand()
            .WithSummary("Unfreeze a frozen wallet (admin; ledger command)");
        api.MapGet("/treasury/{countryCode}/balance", GetTreasuryBalanceAsync).AllowAnonymous()
            .WithSummary("A country treasury's balance (public)");
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> DistributeGenesisAsync(
        GenesisRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().NotEmpty("userId", body.UserId).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await grains.GetGrain<IUserGrain>(body.UserId).DistributeGenesisAsync(caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> FreezeWalletAsync(
        Guid profileId, FreezeWalletRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("reason", body.Reason, 500).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await grains.GetGrain<IUserGrain>(profileId).FreezeWalletAsync(caller.GetUserId(), commandId.Value, body.Reason.Trim());
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> UnfreezeWalletAsync(
        Guid profileId, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var accepted = await grains.GetGrain<IUserGrain>(profileId).UnfreezeWalletAsync(caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<TreasuryBalanceResponse>, ProblemHttpResult>> GetTreasuryBalanceAsync(string countryCode, IGrainFactory grains)
    {
        if (new RequestValidator().CountryCode("countryCode", countryCode).HasProblem(out var problem))
        {
            return problem;
        }
        return await grains.GetGrain<IReadModelQueryGrain>(0).GetTreasuryAsync(countryCode) is { } treasury
            ? TypedResults.Ok(TreasuryBalanceResponse.From(treasury))
            : GxProblems.NotFound($"The treasury of {countryCode}");
    }
}
