using Microsoft.Extensions.Logging;

namespace GxProtocol.Grains.Verification;

/// <summary>
/// Stands in for an SMS provider, which nothing here can reach: the code is written to the log, where a developer
/// reads it. Replace the registration of <see cref="IPhoneVerificationSender"/> to send real messages.
/// </summary>
public sealed partial class LoggingPhoneVerificationSender(ILogger<LoggingPhoneVerificationSender> logger) : IPhoneVerificationSender
{
    public Task SendCodeAsync(string phoneNumber, string code, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        LogCode(logger, phoneNumber, code, (int)lifetime.TotalMinutes);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Phone verification code for {PhoneNumber}: {Code} (valid {Minutes} min; no SMS provider is configured, so it is only logged)")]
    private static partial void LogCode(ILogger logger, string phoneNumber, string code, int minutes);
}
