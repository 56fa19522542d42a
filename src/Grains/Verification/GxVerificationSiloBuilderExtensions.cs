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
            mail.Bind(configuration.GetSection(MailOptions.SectionName));
            codes.Bind(configuration.GetSection(VerificationOptions.SectionName));
        }
        mail.ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        codes.ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VerificationOptions>, VerificationOptionsValidator>());
        silo.Services.TryAddSingleton<IMailTransport>(services => services.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(services)
            : ActivatorUtilities.CreateInstance<PickupDirectoryMailTransport>(services));
        silo.Services.TryAddSingleton<VerificationMailer>();
        silo.Services.TryAddSingleton<IPhoneVerificationSender, LoggingPhoneVerificationSender>();
        return silo;
    }
}
