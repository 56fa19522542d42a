using Microsoft.Extensions.Options;
using MimeKit;

namespace GxProtocol.Grains.Mail;

public enum CodeMail
{
    EmailVerification = 0,
    PasswordReset = 1,
}

/// <summary>Writes a code mail from its configured template and hands it to the transport.</summary>
public sealed class VerificationMailer(IMailTransport transport, IOptions<MailOptions> options)
{
    public Task SendCodeAsync(CodeMail kind, string to, string firstName, string code, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var template = kind == CodeMail.PasswordReset ? options.Value.Templates.PasswordReset : options.Value.Templates.EmailVerification;
        var message = new MimeMessage
        {
            Subject = template.Render(template.Subject, code, lifetime, firstName),
            Body = new TextPart("plain") { Text = template.Render(template.Body, code, lifetime, firstName) },
        };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        return transport.SendAsync(message, cancellationToken);
    }
}
