using System.Globalization;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.PaymentRequests;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.PaymentRequests;

/// <summary>
/// A payee's payment requests: draws each new request's code, creates the request grain, and lists the payee's
/// requests newest first. Only the payee's own calls reach it (the frontend keys it by the caller).
/// </summary>
public sealed class PaymentRequestIndexGrain(
    [PersistentState("paymentRequestIndex", GxStorage.Name)] IPersistentState<PaymentRequestIndexState> state) : Grain, IPaymentRequestIndexGrain
{
    /// <summary>The most requests one payee's list keeps; each lives ten minutes at most, so only old finished ones drop off.</summary>
    public const int MaxEntries = 200;

    /// <summary>A drawn code that is already taken is drawn again; with 1.5e11 codes a second draw is already rare.</summary>
    private const int MaxCodeDraws = 5;

    private Guid PayeeId => this.GetPrimaryKey();

    public async Task<PaymentRequestView> CreateAsync(NewPaymentRequest request)
    {
        var payee = await GrainFactory.GetGrain<IUserGrain>(PayeeId).GetProfileAsync() ?? throw DomainRuleException.NotFound("User");
        if (payee.Status != UserStatus.Active)
        {
            throw DomainRuleException.Unprocessable("wallet_not_active", $"Only an active wallet can request payments; this user is {payee.Status}.");
        }
        var creation = new PaymentRequestCreation(PayeeId, $"{payee.FirstName} {payee.LastName}".Trim(), request);
        for (var draw = 1; ; draw++)
        {
            var code = PaymentRequestCodes.New();
            PaymentRequestView created;
            try
            {
                created = await GrainFactory.GetGrain<IPaymentRequestGrain>(code).CreateAsync(creation);
            }
            catch (DomainRuleException taken) when (taken.Code == "code_taken" && draw < MaxCodeDraws)
            {
                continue;
            }
            state.State.Entries.Add(new PaymentRequestIndexEntry(state.State.NextSequence++, code));
            if (state.State.Entries.Count > MaxEntries)
            {
                state.State.Entries.RemoveRange(0, state.State.Entries.Count - MaxEntries);
            }
            await state.WriteStateAsync();
            return created;
        }
    }

    public async Task<Page<PaymentRequestView>> ListAsync(string? cursor, int limit)
    {
        var before = cursor is null ? long.MaxValue : long.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        var newestFirst = state.State.Entries.Where(e => e.Sequence < before).OrderByDescending(e => e.Sequence).Take(limit + 1).ToList();
        var page = newestFirst.Take(limit).ToList();
        var views = await Task.WhenAll(page.Select(e => GrainFactory.GetGrain<IPaymentRequestGrain>(e.Code).GetAsync()));
        var next = newestFirst.Count > limit ? page[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return new Page<PaymentRequestView>(views, next);
    }
}
