using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GxProtocol.Grains.Mail;

/// <summary>
/// The development mailbox: each message becomes one .eml file (open it with any mail program, or read it as text),
/// named so that a directory listing sorts oldest first. Written under a temporary name and renamed, so a reader never
/// sees half a message.
/// </summary>
public sealed class PickupDirectoryMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public string Directory { get; } = Path.GetFullPath(options.Value.PickupDirectory is { Length: > 0 } configured ? configured : MailOptions.DefaultPickupDirectory);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        global::System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfffffff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        var partial = Path.Combine(Directory, name + ".tmp");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(Directory, name + ".eml"));
    }
}
