using System.Security.Claims;
using GxProtocol.ApiFrontends.Domain;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Grains.Interfaces.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Organization;

/// <summary>
/// organization (3004): proposal, endorsements, activation, authorization rule and multi-signature transfers. Who may
/// do what is decided by the organization grain from its stakeholders and rule; this layer checks shapes.
/// </summary>
public static class OrganizationApi
{
    private const int MaxIds = 50;

    public static IEndpointRouteBuilder MapOrganizationApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(GxServiceNames.Prefix(GxServiceNames.Organization)).WithTags(GxServiceNames.Organization).RequireAuthorization();

        api.MapPost("/organizations", ProposeAsync).AsLedgerCommand()
            .WithSummary("Propose an organization with its stakeholders (ledger command)");
        api.MapGet("/organizations/{orgId}", GetAsync).WithSummary("One organization (its members or admin)");
        api.MapPost("/organizations/{orgId}/endorse", EndorseAsync).AsLedgerCommand()
            .WithSummary("Endorse a proposed organization as one of its stakeholders (ledger command)");
        api.MapPost("/organizations/{orgId}/activate", ActivateAsync).AsLedgerCommand()
            .WithSummary("Activate an organization every stakeholder has endorsed (ledger command)");
        api.MapPost("/organizations/{orgId}/rules", DefineRuleAsync).AsLedgerCommand()
            .WithSummary("Define how many approvals transfers above an amount need (member; ledger command)");
        api.MapPost("/organizations/{orgId}/transactions", InitiateTransferAsync).AsLedgerCommand()
            .WithSummary("Start a transfer from the organization's wallet; it runs once approved (member; ledger command)");
        api.MapGet("/organizations/{orgId}/transactions/pending", GetPendingTransfersAsync)
            .WithSummary("The organization's transfers waiting for approvals (its members)");
        api.MapPost("/transactions/{pendingTxId:guid}/approve", ApproveTransferAsync).AsLedgerCommand()
            .WithSummary("Approve a pending organization transfer (approver; ledger command)");
        api.MapPost("/transactions/{pendingTxId:guid}/cancel", CancelTransferAsync).AsLedgerCommand()
            .WithSummary("Cancel a pending organization transfer (member; ledger command)");
        return routes;
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ProposeAsync(
        ProposeOrganizationRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var stakeholders = body.StakeholderIds ?? [];
        if (new RequestValidator()
                .Required("orgId", body.OrgId, 128)
                .Must(string.IsNullOrWhiteSpace(body.OrgId as string) || OrganizationIds.IsValid(body.OrgId!), "orgId", OrganizationIds.Rule)
                .Required("orgName", body.OrgName, 200)
                .Must(string.IsNullOrWhiteSpace(body.OrgType as string) || OrgTypes.Contains(body.OrgType!.ToLowerInvariant()), "orgType", "must be business, government or nonprofit.")
                .Required("orgType", body.OrgType, 20)
                .Must(stakeholders.Length is >= 1 and <= MaxIds, "stakeholderIds", $"must list 1 to {MaxIds} user ids.")
                .Must(!stakeholders.Contains(Guid.Empty), "stakeholderIds", "must not contain an empty GUID.")
                .Must(stakeholders.Distinct().Count() == stakeholders.Length, "stakeholderIds", "must not list a user twice.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await OrgGrain(grains, body.OrgId).ProposeAsync(
            new OrganizationProposal(caller.GetUserId(), commandId.Value, body.OrgName.Trim(), body.OrgType.ToLowerInvariant(), stakeholders));
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> GetAsync(string orgId, ClaimsPrincipal caller, IGrainFactory grains) =>
        OrganizationIds.IsValid(orgId)
            ? TypedResults.Ok(OrganizationResponse.From(await OrgGrain(grains, orgId).GetAsync(caller.GetUserId(), caller.IsAdmin())))
            : GxProblems.NotFound("Organization");

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> EndorseAsync(
        string orgId, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!OrganizationIds.IsValid(orgId))
        {
            return GxProblems.NotFound("Organization");
        }

        var accepted = await OrgGrain(grains, orgId).EndorseAsync(caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ActivateAsync(
        string orgId, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!OrganizationIds.IsValid(orgId))
        {
            return GxProblems.NotFound("Organization");
        }

        var accepted = await OrgGrain(grains, orgId).ActivateAsync(caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> DefineRuleAsync(
        string orgId, DefineAuthRuleRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!OrganizationIds.IsValid(orgId))
        {
            return GxProblems.NotFound("Organization");
        }

        var approvers = body.ApproverIds ?? [];
        if (new RequestValidator()
                .Must(approvers.Length is >= 1 and <= MaxIds, "approverIds", $"must list 1 to {MaxIds} stakeholder ids.")
                .Must(!approvers.Contains(Guid.Empty), "approverIds", "must not contain an empty GUID.")
                .Must(approvers.Distinct().Count() == approvers.Length, "approverIds", "must not list a user twice.")
                .Must(body.RequiredApprovals >= 1 && body.RequiredApprovals <= Math.Max(1, approvers.Length), "requiredApprovals",
                    "must be at least 1 and at most the number of approvers.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await OrgGrain(grains, orgId).DefineRuleAsync(
            new AuthRuleDefinition(caller.GetUserId(), commandId.Value, body.AmountThreshold.Qirat, body.RequiredApprovals, approvers));
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<InitiatedTransferResponse>, Accepted<InitiatedTransferResponse>, ProblemHttpResult>> InitiateTransferAsync(
        string orgId, InitiateTransferRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!OrganizationIds.IsValid(orgId))
        {
            return GxProblems.NotFound("Organization");
        }

        if (new RequestValidator()
                .NotEmpty("toUserId", body.ToUserId)
                .Optional("remark", body.Remark, 280)
                .HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await OrgGrain(grains, orgId).InitiateTransferAsync(
            new MultiSigTransferRequest(caller.GetUserId(), commandId.Value, body.ToUserId, body.Amount.Qirat, body.Remark ?? ""));
        var outcome = await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted.Command);
        return outcome.Result switch
        {
            Ok<CommandStatusResponse> { Value: { } finished } => TypedResults.Ok(InitiatedTransferResponse.From(finished, accepted.PendingTxId)),
            ProblemHttpResult failure => failure,
            _ => TypedResults.Accepted(AcceptedCommand.StatusLocation(accepted.Command.CommandId),
                InitiatedTransferResponse.From(accepted.Command, accepted.PendingTxId)),
        };
    }

    private static async Task<Results<Ok<PendingTransfersPage>, ProblemHttpResult>> GetPendingTransfersAsync(
        string orgId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!OrganizationIds.IsValid(orgId))
        {
            return GxProblems.NotFound("Organization");
        }

        var pending = await OrgGrain(grains, orgId).GetPendingTransfersAsync(caller.GetUserId());
        return TypedResults.Ok(new PendingTransfersPage(pending.Select(PendingTransferResponse.From).ToList()));
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ApproveTransferAsync(
        Guid pendingTxId, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (await grains.GetGrain<IMultiSigTxGrain>(pendingTxId).GetOrganizationAsync() is not { } orgId)
        {
            return GxProblems.NotFound("Pending transaction");
        }
        var accepted = await OrgGrain(grains, orgId).ApproveTransferAsync(pendingTxId, caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> CancelTransferAsync(
        Guid pendingTxId, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (await grains.GetGrain<IMultiSigTxGrain>(pendingTxId).GetOrganizationAsync() is not { } orgId)
        {
            return GxProblems.NotFound("Pending transaction");
        }
        var accepted = await OrgGrain(grains, orgId).CancelTransferAsync(pendingTxId, caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static IOrganizationGrain OrgGrain(IGrainFactory grains, string orgId) => grains.GetGrain<IOrganizationGrain>(orgId);

    private static readonly string[] OrgTypes = ["business", "government", "nonprofit"];

    /// <summary>The chaincode's id shape; GUIDs are refused because the ledger routes GUID accounts as user wallets.</summary>
}
