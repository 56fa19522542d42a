using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Outbox;
using GxProtocol.Grains.Interfaces.PaymentRequests;

namespace GxProtocol.Backend.Tests.PaymentRequests;

/// <summary>
/// What "paid" means when the ledger does not take the payment: a request is PAYING while its transfer is in flight
/// (nobody else can pay it), and a transfer that finishes FAILED returns it to OPEN, so it can be paid again.
/// </summary>
public sealed class PaymentRequestLedgerRefusalTests(ImpatientOutboxClusterFixture fixture) : IClassFixture<ImpatientOutboxClusterFixture>
{
    private const long Coin = GrainJourney.Coin;

    [Fact]
    public async Task A_payment_the_ledger_never_takes_reopens_the_request_for_another_payment()
    {
        var journey = new GrainJourney(fixture.Client);
        await journey.BootstrapAsync();
        var payee = await journey.ActiveUserAsync("MY");
        var payer = await journey.ActiveUserAsync("MY");
        var other = await journey.ActiveUserAsync("MY");
        var created = await fixture.Client.GetGrain<IPaymentRequestIndexGrain>(payee.GetPrimaryKey()).CreateAsync(new NewPaymentRequest(10 * Coin, null, 300));
        var request = fixture.Client.GetGrain<IPaymentRequestGrain>(created.Code);
        var admin = fixture.Client.GetGrain<IOutboxAdminGrain>(0);

        fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.FromMinutes(5));
        CommandAccepted first;
        try
        {
            first = await request.PayAsync(new PaymentRequestPayment(payer.GetPrimaryKey(), Guid.NewGuid(), created.QrPayload));
            Assert.Equal(PaymentRequestStatus.Paying, (await request.GetAsync()).Status);
            var meanwhile = await Assert.ThrowsAsync<DomainRuleException>(() => request.PayAsync(new PaymentRequestPayment(other.GetPrimaryKey(), Guid.NewGuid(), null)));
            Assert.Equal("payment_request_paying", meanwhile.Code);
            await Eventually.MatchesAsync(() => admin.GetOverviewAsync(), o => o.DeadLettered.Any(d => d.CommandId == first.CommandId), "the payment to be dead-lettered");
        }
        finally
        {
            fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.Zero);
        }
        Assert.True(await admin.CancelAsync(first.CommandId, "the payer's bank called"));

        var reopened = await Eventually.MatchesAsync(() => request.GetAsync(), r => r.Status == PaymentRequestStatus.Open, "the request to open again");
        Assert.Equal("CANCELLED", reopened.LastFailureCode);
        Assert.Null(reopened.PayerId);
        await Eventually.MatchesAsync(() => payer.GetWalletAsync(), w => w.PendingHolds == 0 && w.Balance == 500 * Coin, "the failed payment's hold to be released");

        var second = await request.PayAsync(new PaymentRequestPayment(other.GetPrimaryKey(), Guid.NewGuid(), created.QrPayload));
        await journey.WaitCommittedAsync(second);
        var paid = await Eventually.MatchesAsync(() => request.GetAsync(), r => r.Status == PaymentRequestStatus.Paid, "the second payment to mark the request PAID");
        Assert.Equal((other.GetPrimaryKey(), second.CommandId), (paid.PayerId!.Value, paid.CommandId!.Value));
        // 10 coins, same country: 5 bps = 0.005 coins, half from each side.
        await Eventually.MatchesAsync(() => payee.GetWalletAsync(), w => w.Balance == 510 * Coin - 2_500, "the payee to be credited once");
    }
}
