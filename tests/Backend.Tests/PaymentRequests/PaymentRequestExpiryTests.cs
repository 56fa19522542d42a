using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.PaymentRequests;

namespace GxProtocol.Backend.Tests.PaymentRequests;

/// <summary>
/// Expiry is judged by the clock on every call, not only by the timer: a request whose time ran out cannot be paid even
/// if its timer has not fired (a grain reactivated elsewhere, or a late timer). The clock here jumps; timers keep real time.
/// </summary>
public sealed class PaymentRequestExpiryTests(ShiftedClockClusterFixture cluster) : IClassFixture<ShiftedClockClusterFixture>
{
    [Fact]
    public async Task A_request_past_its_expiry_is_EXPIRED_and_refuses_payment_before_any_timer_fires()
    {
        var payee = await cluster.Journey.ActiveUserAsync("MY");
        var payer = await cluster.Journey.ActiveUserAsync("MY");
        var created = await cluster.Client.GetGrain<IPaymentRequestIndexGrain>(payee.GetPrimaryKey())
            .CreateAsync(new NewPaymentRequest(GrainJourney.Coin, "tea", 600));
        var request = cluster.Client.GetGrain<IPaymentRequestGrain>(created.Code);
        Assert.Equal(PaymentRequestStatus.Open, (await request.GetAsync()).Status);

        cluster.Clock.Advance(TimeSpan.FromSeconds(601));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            request.PayAsync(new PaymentRequestPayment(payer.GetPrimaryKey(), Guid.NewGuid(), created.QrPayload)));
        Assert.Equal("payment_request_expired", refused.Code);
        Assert.Equal(PaymentRequestStatus.Expired, (await request.GetAsync()).Status);
        Assert.Equal(0, (await payer.GetWalletAsync()).PendingHolds);
    }
}
