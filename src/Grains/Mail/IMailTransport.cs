using MimeKit;

namespace GxProtocol.Grains.Mail;

/// <summary>Delivers one finished message: to an SMTP server, or to the development mailbox.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
