using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.Backend.Tests.Verification;

/// <summary>
/// The shifted-clock silo (a code's 15 minutes pass at once) with mail in the development mailbox and phone codes
/// caught by <see cref="PhoneCodes"/> in place of an SMS provider. Verification needs no bootstrapped ledger.
/// </summary>
public sealed class VerificationClusterFixture : ShiftedClockClusterFixture
{
    public RecordingPhoneSender PhoneCodes { get; } = new();

    protected override bool Bootstraps => false;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IPhoneVerificationSender>(PhoneCodes);
}
