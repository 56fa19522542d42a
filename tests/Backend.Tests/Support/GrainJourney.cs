using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Interfaces.Verification;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// The journey's steps as grain calls: bootstrap once, make users active on the ledger, await commits. Use it with an
/// in-process test cluster (<see cref="LedgerClusterFixture"/>, <see cref="ShiftedClockClusterFixture"/>), where there
/// is no HTTP and grains are tested directly; over HTTP use <see cref="JourneyDriver"/>.
/// </summary>
public sealed class GrainJourney(IClusterClient client)
{
    public const long Coin = 1_000_000;

    public async Task BootstrapAsync()
    {
        var system = client.GetGrain<ISystemGrain>(ISystemGrain.Key);
        if ((await system.GetStatusAsync()).Countries.Count > 0)
        {
            return;
        }
        try
        {
            await WaitCommittedAsync(await system.BootstrapAsync(Guid.NewGuid(), Guid.NewGuid()));
        }
        catch (DomainRuleException already) when (already.Code == "already_bootstrapped")
        {
        }
        await WaitCommittedAsync(await system.InitializeCountriesAsync(Guid.NewGuid(), Guid.NewGuid(),
            [new CountryView("MY", "Malaysia", 10), new CountryView("DE", "Germany", 5)]));
        await Eventually.MatchesAsync(() => system.GetStatusAsync(), s => s.Countries.Count == 2, "the countries to be projected");
    }

    public async Task<IUserGrain> ActiveUserAsync(string country)
    {
        var user = client.GetGrain<IUserGrain>(Guid.NewGuid());
        var email = $"{user.GetPrimaryKey()}@gx.test";
        await user.RegisterAsync(new RegisterUser(email, "hash", "T", "U", null, null, country, new DateOnly(1990, 1, 1)));
        await VerifyEmailAsync(user.GetPrimaryKey(), email);
        await user.SubmitKycAsync(new KycSubmission(new string('b', 64), 10, "application/pdf"));
        await WaitCommittedAsync(await user.ApproveAsync(Guid.NewGuid(), Guid.NewGuid()));
        await Eventually.MatchesAsync(() => user.GetWalletAsync(), w => w.Balance == 500 * Coin, "the genesis allocation to arrive");
        return user;
    }

    /// <summary>Sends the e-mail code, reads it from the development mailbox and confirms it, as the identity routes would.</summary>
    public async Task VerifyEmailAsync(Guid userId, string email)
    {
        var since = DateTime.UtcNow;
        var verification = client.GetGrain<IAccountVerificationGrain>(userId);
        var sent = await verification.SendEmailCodeAsync();
        Assert.True(sent.Outcome == CodeDeliveryOutcome.Sent, $"e-mail code for {email}: {sent}");
        var check = await verification.ConfirmEmailAsync(await DevMailbox.WaitForCodeAsync(email, since));
        Assert.True(check.Outcome == CodeCheckOutcome.Confirmed, $"e-mail code for {email}: {check}");
    }

    public async Task<CommandStatus> WaitFinishedAsync(Guid commandId, TimeSpan timeout)
    {
        var status = await client.GetGrain<ICommandGrain>(commandId).WaitUntilFinishedAsync(timeout);
        Assert.True(status is { IsFinished: true }, $"command {commandId} did not finish within {timeout}: {status}");
        return status!;
    }

    public async Task WaitCommittedAsync(CommandAccepted accepted)
    {
        var status = await WaitFinishedAsync(accepted.CommandId, TimeSpan.FromSeconds(90));
        Assert.True(status.State == CommandState.Committed, $"command {accepted.CommandId}: {status}");
    }
}
