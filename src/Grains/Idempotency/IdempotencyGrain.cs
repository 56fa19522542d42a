using GxProtocol.Grains.Interfaces.Idempotency;

namespace GxProtocol.Grains.Idempotency;

/// <summary>
/// Decides whether a keyed write runs, replays or is refused. The in-flight claim is deliberately not persisted:
/// if the frontend or this silo dies mid-request nothing was stored, and the client's retry must be allowed to run
/// (the aggregate grains and the deterministic ledger transaction id keep that retry from applying twice).
/// A claim also lapses after <see cref="ClaimTimeout"/> in case the frontend vanished without abandoning it.
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", GxStorage.Name)] IPersistentState<IdempotencyRecord> record,
    TimeProvider timeProvider) : Grain, IIdempotencyGrain
{
    public static readonly TimeSpan RecordLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    private string? _claimedHash;
    private DateTimeOffset _claimExpiresAt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ClearIfExpiredAsync();
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<IdempotencyDecision> BeginAsync(string requestHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        await ClearIfExpiredAsync();

        if (record.State.Response is { } stored)
        {
            return record.State.RequestHash == requestHash ? IdempotencyDecision.Replay(stored) : IdempotencyDecision.Conflict;
        }

        var now = timeProvider.GetUtcNow();
        if (_claimedHash is not null && now < _claimExpiresAt)
        {
            return _claimedHash == requestHash ? IdempotencyDecision.InProgress : IdempotencyDecision.Conflict;
        }

        _claimedHash = requestHash;
        _claimExpiresAt = now + ClaimTimeout;
        return IdempotencyDecision.Proceed;
    }

    public async Task CompleteAsync(string requestHash, StoredResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (_claimedHash != requestHash || record.State.Response is not null)
        {
            // A lapsed or foreign claim must not overwrite the answer another attempt already stored.
            return;
        }

        record.State = new IdempotencyRecord
        {
            RequestHash = requestHash,
            Response = response,
            ExpiresAt = timeProvider.GetUtcNow() + RecordLifetime,
        };
        await record.WriteStateAsync();
        _claimedHash = null;
    }

    public Task AbandonAsync(string requestHash)
    {
        if (_claimedHash == requestHash)
        {
            _claimedHash = null;
        }
        return Task.CompletedTask;
    }

    private async Task ClearIfExpiredAsync()
    {
        if (record.RecordExists && record.State.ExpiresAt <= timeProvider.GetUtcNow())
        {
            await record.ClearStateAsync();
            record.State = new IdempotencyRecord();
        }
    }
}
