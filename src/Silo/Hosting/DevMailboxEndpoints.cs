using System.Text.RegularExpressions;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.Grains.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using MimeKit;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// The development mailbox over HTTP, for clients that cannot read the data/mail directory (a Postman run): the
/// messages to one address, newest first, with the code each carries. Mapped in the embedded default only, and only
/// while mail goes to the directory; never in PostgreSQL mode, where mail reaches people.
/// </summary>
public static partial class DevMailboxEndpoints
{
    public const string Path = "/dev/mailbox";

    public static void MapGxDevMailbox(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IMailTransport>() is not PickupDirectoryMailTransport mailbox)
        {
            return;
        }
        app.MapGet(Path, (string? to) => Read(mailbox.Directory, to)).AllowAnonymous().ExcludeFromDescription();
    }

    private static Results<Ok<List<DevMailboxMessage>>, ProblemHttpResult> Read(string directory, string? to)
    {
        if (string.IsNullOrWhiteSpace(to) || !MailboxAddress.TryParse(to, out _))
        {
            return GxProblems.Validation("to", "must be the e-mail address whose messages to list.");
        }
        var messages = new List<DevMailboxMessage>();
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.GetFiles(directory, "*.eml").OrderDescending(StringComparer.Ordinal).Take(500))
            {
                var message = MimeMessage.Load(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    var text = message.TextBody ?? "";
                    var code = SixDigits().Match(text);
                    messages.Add(new DevMailboxMessage(System.IO.Path.GetFileName(file), message.Date, message.Subject ?? "", text, code.Success ? code.Value : null));
                }
            }
        }
        return TypedResults.Ok(messages);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}

public sealed record DevMailboxMessage(string File, DateTimeOffset Date, string Subject, string Text, string? Code);
