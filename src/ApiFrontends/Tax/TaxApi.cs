using System.Security.Claims;
using System.Text.RegularExpressions;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Grains.Interfaces.Tax;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Tax;

/// <summary>tax (3007): fee quotes, velocity-tax eligibility and charging, per-account tax records.</summary>
public static partial class TaxApi
{
    private static readonly string[] TransactionTypes = ["TRANSFER", "ORGANIZATION", "SYSTEM"];

    public static IEndpointRouteBuilder MapTaxApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(GxServiceNames.Prefix(GxServiceNames.Tax)).WithTags(GxServiceNames.Tax);

        // A quote changes nothing, so it takes no idempotency key.
        api.MapPost("/fees/calculate", CalculateFeeAsync).AllowAnonymous();
        api.MapGet("/velocity-tax/eligibility/{accountId}", GetEligibilityAsync).RequireAuthorization();
        api.MapPost("/velocity-tax/apply", ApplyVelocityTaxAsync).RequireAuthorization(GxPolicies.Admin).WithIdempotency().RequireRateLimiting("writes");
        api.MapGet("/accounts/{accountId}", GetAccountAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<Results<Ok<FeeQuoteResponse>, ProblemHttpResult>> CalculateFeeAsync(FeeCalculationRequest body, IGrainFactory grains)
    {
        var type = body.TransactionType?.ToUpperInvariant();
        if (new RequestValidator()
                .Required("transactionType", type, 32)
                .Must(type is null || TransactionTypes.Contains(type), "transactionType", "must be TRANSFER, ORGANIZATION or SYSTEM.")
                .Must(body.FromUserId is null || LedgerAccountShape().IsMatch(body.FromUserId), "fromUserId", "must be a user id or an organization id.")
                .Must(body.ToUserId is null || LedgerAccountShape().IsMatch(body.ToUserId), "toUserId", "must be a user id or an organization id.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var quote = await grains.GetGrain<IFeeQuoteGrain>(0).QuoteAsync(new FeeQuoteRequest(body.Amount.Qirat, body.FromUserId, body.ToUserId, type!));
        return TypedResults.Ok(FeeQuoteResponse.From(quote));
    }

    private static async Task<Results<Ok<VelocityTaxEligibilityResponse>, ProblemHttpResult>> GetEligibilityAsync(
        string accountId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!MayRead(caller, accountId))
        {
            return GxProblems.NotFound("Tax account");
        }
        if (InvalidAccountId(accountId) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(VelocityTaxEligibilityResponse.From(await grains.GetGrain<ITaxAccountGrain>(ITaxAccountGrain.KeyFor(accountId)).GetVelocityTaxEligibilityAsync()));
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ApplyVelocityTaxAsync(
        ApplyVelocityTaxRequest body, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("accountId", body.AccountId, 128).HasProblem(out var missing))
        {
            return missing;
        }
        if (InvalidAccountId(body.AccountId!) is { } problem)
        {
            return problem;
        }
        var accepted = await grains.GetGrain<ITaxAccountGrain>(ITaxAccountGrain.KeyFor(body.AccountId!)).ApplyVelocityTaxAsync(caller.GetUserId(), CommandIds.For(context));
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<TaxAccountResponse>, ProblemHttpResult>> GetAccountAsync(
        string accountId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!MayRead(caller, accountId))
        {
            return GxProblems.NotFound("Tax account");
        }
        if (InvalidAccountId(accountId) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(TaxAccountResponse.From(await grains.GetGrain<ITaxAccountGrain>(ITaxAccountGrain.KeyFor(accountId)).GetAccountAsync()));
    }

    /// <summary>A user reads their own wallet's tax account; organization and other accounts are for admins (others see 404).</summary>
    private static bool MayRead(ClaimsPrincipal caller, string accountId) =>
        caller.IsAdmin() || (Guid.TryParse(accountId, out var userId) && caller.IsSelfOrAdmin(userId));

    private static ProblemHttpResult? InvalidAccountId(string accountId) =>
        new RequestValidator().Must(WalletIdShape().IsMatch(accountId), "accountId", "must be a user id or an organization id.").ToProblem();

    // The chaincode's id alphabet; quotes may also name a treasury ("treasury:MY"), tax accounts are wallets only.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex LedgerAccountShape();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex WalletIdShape();
}
