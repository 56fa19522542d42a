using System.Security.Claims;
using System.Text.RegularExpressions;
using GxProtocol.ApiFrontends.Domain;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Organizations;
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
        // Anonymous quotes name countries; naming an account needs a token and an account the caller may see (404 otherwise).
        api.MapPost("/fees/calculate", CalculateFeeAsync).AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Quote the fee of a transfer without making it");
        api.MapGet("/velocity-tax/eligibility/{accountId}", GetEligibilityAsync).RequireAuthorization()
            .WithSummary("Whether an account owes velocity tax, and how much");
        api.MapPost("/velocity-tax/apply", ApplyVelocityTaxAsync).RequireAuthorization(GxPolicies.Admin).AsLedgerCommand()
            .WithSummary("Collect the velocity tax an account owes (admin; ledger command)");
        api.MapGet("/accounts/{accountId}", GetAccountAsync).RequireAuthorization()
            .WithSummary("What an account paid in fees and velocity tax, with its latest payments");
        return routes;
    }

    private static async Task<Results<Ok<FeeQuoteResponse>, ProblemHttpResult>> CalculateFeeAsync(
        FeeCalculationRequest body, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var type = body.TransactionType?.ToUpperInvariant();
        var fromCountry = Blank(body.FromCountry)?.ToUpperInvariant();
        var toCountry = Blank(body.ToCountry)?.ToUpperInvariant();
        var fromId = Blank(body.FromUserId);
        var toId = Blank(body.ToUserId);
        if (new RequestValidator()
                .Required("transactionType", type, 32)
                .Must(type is null || TransactionTypes.Contains(type), "transactionType", "must be TRANSFER, ORGANIZATION or SYSTEM.")
                .Must(fromId is null || WalletIdShape().IsMatch(fromId), "fromUserId", QuotedAccountRule)
                .Must(toId is null || WalletIdShape().IsMatch(toId), "toUserId", QuotedAccountRule)
                .CountryCode("fromCountry", fromCountry)
                .CountryCode("toCountry", toCountry)
                .Must(fromId is null || fromCountry is null, "fromCountry", "give fromUserId or fromCountry, not both.")
                .Must(toId is null || toCountry is null, "toCountry", "give toUserId or toCountry, not both.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        // Whatever the ids, an anonymous caller gets the same answer: the quote tells nobody whether an account exists.
        if ((fromId is not null || toId is not null) && caller.Identity?.IsAuthenticated != true)
        {
            return GxProblems.Unauthorized("Sign in to quote for your own accounts; an anonymous quote names countries (fromCountry, toCountry).");
        }
        foreach (var id in new[] { fromId, toId })
        {
            if (id is not null && !await MayQuoteForAsync(caller, id, grains))
            {
                return GxProblems.NotFound("Account");
            }
        }
        try
        {
            var quote = await grains.GetGrain<IFeeQuoteGrain>(0).QuoteAsync(
                new FeeQuoteRequest(body.Amount.Qirat, fromId, toId, type!, fromCountry, toCountry));
            return TypedResults.Ok(FeeQuoteResponse.From(quote));
        }
        catch (DomainRuleException unknown) when (unknown.Kind == RuleViolationKind.NotFound)
        {
            // A wallet the caller may see but the ledger does not know yet (KYC pending): the same answer as any other.
            return GxProblems.NotFound("Account");
        }
    }

    /// <summary>
    /// The accounts a quote may name: the caller's own wallet and the organizations they are a stakeholder of (what
    /// the organization routes let them see); admins may quote for any account. Anything else looks nonexistent.
    /// </summary>
    private static async Task<bool> MayQuoteForAsync(ClaimsPrincipal caller, string accountId, IGrainFactory grains)
    {
        if (caller.IsAdmin())
        {
            return true;
        }
        if (Guid.TryParse(accountId, out var userId))
        {
            return caller.IsSelfOrAdmin(userId);
        }
        if (!OrganizationIds.IsValid(accountId) || !caller.TryGetUserId(out var callerId))
        {
            return false;
        }
        try
        {
            await grains.GetGrain<IOrganizationGrain>(accountId).GetAsync(callerId, callerIsAdmin: false);
            return true;
        }
        catch (DomainRuleException hidden) when (hidden.Kind == RuleViolationKind.NotFound)
        {
            return false;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private const string QuotedAccountRule = "must be a user id or an organization id; pools and treasuries (system accounts) are not quoted.";

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
        ApplyVelocityTaxRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("accountId", body.AccountId, 128).HasProblem(out var missing))
        {
            return missing;
        }
        if (InvalidAccountId(body.AccountId!) is { } problem)
        {
            return problem;
        }
        var accepted = await grains.GetGrain<ITaxAccountGrain>(ITaxAccountGrain.KeyFor(body.AccountId!)).ApplyVelocityTaxAsync(caller.GetUserId(), commandId.Value);
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

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex WalletIdShape();
}
