using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GxProtocol.Grains.Mail;

/// <summary>Start-up checks of Gx:Mail; each failure names its key.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    private const string S = MailOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"{S}:From must be an e-mail address (optionally \"Name <address>\"); it is '{options.From}'.");
        }
        if (options.UsesSmtp && !string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            failures.Add($"{S}:Smtp:Host and {S}:PickupDirectory are both set; set one: mail goes to a server or to a directory.");
        }
        if (options.UsesSmtp)
        {
            if (options.Smtp.Port is < 1 or > 65535)
            {
                failures.Add($"{S}:Smtp:Port must be between 1 and 65535.");
            }
            if (!Enum.TryParse<SecureSocketOptions>(options.Smtp.Security, ignoreCase: true, out _))
            {
                failures.Add($"{S}:Smtp:Security must be one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}.");
            }
            if (!string.IsNullOrEmpty(options.Smtp.Username) && string.IsNullOrEmpty(options.Smtp.Password))
            {
                failures.Add($"{S}:Smtp:Password must be set when {S}:Smtp:Username is.");
            }
            if (options.Smtp.TimeoutSeconds is < 1 or > 300)
            {
                failures.Add($"{S}:Smtp:TimeoutSeconds must be between 1 and 300.");
            }
        }
        Template(failures, "EmailVerification", options.Templates.EmailVerification);
        Template(failures, "PasswordReset", options.Templates.PasswordReset);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Template(List<string> failures, string kind, MailTemplate template)
    {
        if (string.IsNullOrWhiteSpace(template.Subject) || template.Subject.Contains('\n'))
        {
            failures.Add($"{S}:Templates:{kind}:Subject must be one non-empty line.");
        }
        if (!template.Body.Contains("{code}", StringComparison.Ordinal))
        {
            failures.Add($"{S}:Templates:{kind}:Body must contain the placeholder {{code}}.");
        }
    }
}
