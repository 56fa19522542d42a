using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Organizations;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

/// <summary>Who a transfer can go to: another active user, or an active organization (which pays no share of the fee).</summary>
public sealed partial class UserGrain
{
    private async Task<TransferRecipient> UserRecipientAsync(Guid recipientId)
    {
        if (recipientId == UserId)
        {
            throw DomainRuleException.Invalid("toUserId", "A transfer must go to another user.");
        }
        var recipient = await GrainFactory.GetGrain<IUserGrain>(recipientId).GetProfileAsync();
        if (recipient is null)
        {
            throw new DomainRuleException(RuleViolationKind.NotFound, "recipient_not_found", "The recipient does not exist.", "toUserId");
        }
        if (recipient.Status is not (UserStatus.Active or UserStatus.Frozen))
        {
            throw DomainRuleException.Unprocessable("recipient_not_active", "The recipient's wallet is not active on the ledger.", "toUserId");
        }
        return new TransferRecipient(recipientId.ToString(), recipient.NationalityCountryCode, TransferKind.PersonToPerson);
    }

    private async Task<TransferRecipient> OrganizationRecipientAsync(string orgId)
    {
        var organization = await GrainFactory.GetGrain<IOrganizationGrain>(orgId).GetPaymentRecipientAsync();
        if (organization is null)
        {
            throw new DomainRuleException(RuleViolationKind.NotFound, "recipient_not_found", "The organization does not exist.", "toOrgId");
        }
        if (!organization.Active)
        {
            throw DomainRuleException.Unprocessable("recipient_not_active", "The organization's wallet is not open yet (it needs every endorsement and activation).", "toOrgId");
        }
        return new TransferRecipient(orgId, organization.Country, TransferKind.Organization);
    }

    private sealed record TransferRecipient(string Account, string Country, TransferKind Kind);
}
