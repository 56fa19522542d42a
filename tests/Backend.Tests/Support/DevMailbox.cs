using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using GxProtocol.Grains.Mail;
using MimeKit;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// The development mailbox every silo of a test run writes to: the in-process clusters by default (data/mail under the
/// working directory), the silo processes because <see cref="HostProcess"/> points them at it. Emptied when the test
/// assembly loads, so a fixed address never finds a message of an earlier run.
/// </summary>
public static partial class DevMailbox
{
    public static string Directory { get; } = Path.GetFullPath(MailOptions.DefaultPickupDirectory);

    [ModuleInitializer]
    internal static void EmptyAtStart()
    {
        if (global::System.IO.Directory.Exists(Directory))
        {
            global::System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>The six-digit code of the newest message to <paramref name="to"/> written after <paramref name="since"/> whose subject contains <paramref name="subject"/>.</summary>
    public static async Task<string> WaitForCodeAsync(string to, DateTime since, string subject = "verification", TimeSpan? timeout = null)
    {
        var message = await Eventually.MatchesAsync(() => Task.FromResult(Newest(to, since, subject)), m => m is not null,
            $"a message about '{subject}' to {to} in {Directory}", timeout ?? TimeSpan.FromSeconds(30));
        return CodeIn(message!);
    }

    public static string CodeIn(MimeMessage message) =>
        SixDigits().Match(message.TextBody ?? "") is { Success: true } match
            ? match.Value
            : throw new InvalidOperationException($"No six-digit code in the message: {message.TextBody}");

    /// <summary>How many messages to <paramref name="to"/> were written after <paramref name="since"/>.</summary>
    public static int CountTo(string to, DateTime since) => Messages(to, since).Count();

    private static MimeMessage? Newest(string to, DateTime since, string subject) =>
        Messages(to, since).LastOrDefault(m => (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<MimeMessage> Messages(string to, DateTime since)
    {
        if (!global::System.IO.Directory.Exists(Directory))
        {
            yield break;
        }
        foreach (var file in global::System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal))
        {
            var written = DateTime.ParseExact(Path.GetFileName(file).Split('-')[0], "yyyyMMdd'T'HHmmssfffffff", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            if (written < since)
            {
                continue;
            }
            var message = MimeMessage.Load(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
            {
                yield return message;
            }
        }
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
