using GxProtocol.Grains.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Verification;

/// <summary>Mail (SMTP or the development mailbox), the phone code sender and the code rules, checked at start-up.</summary>
public static class GxVerificationSiloBuilderExtensions
{
    public static ISiloBuilder AddGxVerification(this ISiloBuilder silo, IConfiguration? configuration)
    {
        var mail = silo.Services.AddOptions<MailOptions>();
        var codes = silo.Services.AddOptions<VerificationOptions>();
        if (configuration is not null)
        {
            mail.Bind(configuration.GetSection(MailOptions.Section));
            codes.Bind(configuration.GetSection(VerificationOptions.Section));
        }
        mail.ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        const string S = VerificationOptions.Section;
        codes.Validate(o => o.CodeLifetime >= TimeSpan.FromMinutes(1) && o.CodeLifetime <= TimeSpan.FromDays(1), $"{S}:CodeLifetime must be between 00:01:00 and 1.00:00:00.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 20, $"{S}:MaxAttempts must be between 1 and 20.")
            .Validate(o => o.ResendInterval >= TimeSpan.Zero && o.ResendInterval <= TimeSpan.FromHours(1), $"{S}:ResendInterval must be between 00:00:00 and 01:00:00.")
            .Validate(o => o.MaxSendsPerHour is >= 1 and <= 100, $"{S}:MaxSendsPerHour must be between 1 and 100.")
            .ValidateOnStart();
        silo.Services.TryAddSingleton<IMailTransport>(services => services.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(services)
            : ActivatorUtilities.CreateInstance<PickupDirectoryMailTransport>(services));
        silo.Services.TryAddSingleton<VerificationMailer>();
        silo.Services.TryAddSingleton<IPhoneVerificationSender, LoggingPhoneVerificationSender>();
        return silo;
    }
}
