using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Notifications;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.ReadModels;

namespace GxProtocol.Grains.Users;

/// <summary>
/// The link between two users. It calls the user grains and they never call it, so no call cycle can deadlock.
/// Confirmation is written here first, then recorded on both users; a crash in between is repaired on the next
/// activation or confirmation. Each change is then copied to the relationship read model (for listing); a copy lost to
/// a crash is made again on the next activation.
/// </summary>
public sealed class RelationshipGrain(
    [PersistentState("relationship", GxStorage.Name)] IPersistentState<RelationshipState> state,
    IRelationshipStore rows,
    INotificationStore inboxes,
    TimeProvider clock) : Grain, IRelationshipGrain
{
    private RelationshipState State => state.State;
    private Guid RelationshipId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Link is null)
        {
            return;
        }
        // Links stored before the nine kinds keep their meaning under the new name (RelationshipTypes.Legacy).
        if (RelationshipTypes.Normalize(State.Link.Type) is { } current && current != State.Link.Type)
        {
            State.Link = State.Link with { Type = current };
            await state.WriteStateAsync(cancellationToken);
        }
        await rows.UpsertRelationshipAsync(State.Link, cancellationToken);
        if (State.Link is { Status: RelationshipView.Confirmed } && !State.RecordedByUsers)
        {
            await RecordOnUsersAsync();
        }
    }

    public async Task<RelationshipView> RequestAsync(Guid fromUserId, Guid toUserId, string type)
    {
        if (fromUserId == toUserId)
        {
            throw DomainRuleException.Invalid("toUserId", "A relationship links two different users.");
        }
        var canonicalType = RelationshipTypes.Normalize(type)
            ?? throw DomainRuleException.Invalid("type", $"must be one of {string.Join(", ", RelationshipTypes.All)}.");
        if (IRelationshipGrain.IdFor(fromUserId, toUserId) != RelationshipId)
        {
            throw new ArgumentException("The relationship grain of another pair of users was called.", nameof(toUserId));
        }
        // A rejected link leaves the pair free: either user may ask again.
        if (State.Link is { Status: not RelationshipView.Rejected })
        {
            throw DomainRuleException.Conflict("relationship_exists", "These two users already have a relationship (pending or confirmed).");
        }
        if (await GrainFactory.GetGrain<IUserGrain>(toUserId).GetProfileAsync() is not { } invited)
        {
            throw new DomainRuleException(RuleViolationKind.NotFound, "user_not_found", "The user to link with does not exist.", "toUserId");
        }
        // Links raise the trust score that gates loans and votes: only people whose KYC the ledger registered may
        // vouch for each other, or anyone could mint trust with self-registered accounts.
        if (!IsVerified(invited) || await GrainFactory.GetGrain<IUserGrain>(fromUserId).GetProfileAsync() is not { } sender || !IsVerified(sender))
        {
            throw DomainRuleException.Unprocessable("user_not_verified", "Both users must be verified (ACTIVE on the ledger) to link.", "toUserId");
        }
        State.Link = new RelationshipView(RelationshipId, fromUserId, toUserId, canonicalType, RelationshipView.Pending, clock.GetUtcNow(), null);
        await WriteAsync();
        await NotifyAsync(toUserId, NotificationKinds.RelationshipInvited, $"{sender.FirstName} {sender.LastName} asks you to confirm a {canonicalType} link.");
        return State.Link;
    }

    public async Task<RelationshipView> ConfirmAsync(Guid callerId)
    {
        // Only the invited user learns that the link exists; its sender and everyone else see not-found.
        if (State.Link is not { } link || link.ToUserId != callerId)
        {
            throw DomainRuleException.NotFound("Relationship");
        }
        if (link.Status == RelationshipView.Rejected)
        {
            throw DomainRuleException.Conflict("relationship_rejected", "This link was rejected; the other user may ask again.");
        }
        if (link.Status != RelationshipView.Confirmed)
        {
            State.Link = link with { Status = RelationshipView.Confirmed, ConfirmedAt = clock.GetUtcNow() };
            await WriteAsync();
            await NotifyAsync(link.FromUserId, NotificationKinds.RelationshipConfirmed, $"Your {link.Type} link was confirmed.");
        }
        if (!State.RecordedByUsers)
        {
            await RecordOnUsersAsync();
        }
        return State.Link;
    }

    public async Task<RelationshipView> RejectAsync(Guid callerId)
    {
        if (State.Link is not { } link || link.ToUserId != callerId)
        {
            throw DomainRuleException.NotFound("Relationship");
        }
        if (link.Status == RelationshipView.Confirmed)
        {
            throw DomainRuleException.Conflict("relationship_confirmed", "A confirmed link cannot be rejected.");
        }
        if (link.Status == RelationshipView.Pending)
        {
            State.Link = link with { Status = RelationshipView.Rejected, RejectedAt = clock.GetUtcNow() };
            await WriteAsync();
            await NotifyAsync(link.FromUserId, NotificationKinds.RelationshipRejected, $"Your {link.Type} link was rejected.");
        }
        return State.Link;
    }

    public Task<RelationshipView> GetAsync(Guid callerId) =>
        State.Link is { } link && link.Joins(callerId) ? Task.FromResult(link) : throw DomainRuleException.NotFound("Relationship");

    private Task NotifyAsync(Guid userId, string kind, string message) => inboxes.AppendNotificationsAsync(
    [
        new NotificationDraft(userId, kind, message, new Dictionary<string, string>
        {
            ["relationshipId"] = RelationshipId.ToString(), ["fromUserId"] = State.Link!.FromUserId.ToString(),
            ["toUserId"] = State.Link.ToUserId.ToString(), ["type"] = State.Link.Type,
        }, clock.GetUtcNow()),
    ]);

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        await rows.UpsertRelationshipAsync(State.Link!);
    }

    private static bool IsVerified(UserProfile profile) => profile.Status is UserStatus.Active or UserStatus.Frozen;

    private async Task RecordOnUsersAsync()
    {
        var link = State.Link!;
        await GrainFactory.GetGrain<IUserGrain>(link.FromUserId).RecordRelationshipAsync(new ConfirmedRelationship(link.RelationshipId, link.ToUserId, link.Type));
        await GrainFactory.GetGrain<IUserGrain>(link.ToUserId).RecordRelationshipAsync(new ConfirmedRelationship(link.RelationshipId, link.FromUserId, link.Type, Invited: true));
        State.RecordedByUsers = true;
        await state.WriteStateAsync();
    }
}
