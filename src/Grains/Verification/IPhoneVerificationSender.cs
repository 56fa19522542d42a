namespace GxProtocol.Grains.Verification;

/// <summary>Delivers a phone verification code (an SMS provider in production).</summary>
public interface IPhoneVerificationSender
{
    Task SendCodeAsync(string phoneNumber, string code, TimeSpan lifetime, CancellationToken cancellationToken);
}
