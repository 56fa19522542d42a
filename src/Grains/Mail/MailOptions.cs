namespace GxProtocol.Grains.Mail;

/// <summary>
/// Where mail goes (Gx:Mail). With <see cref="SmtpOptions.Host"/> set, to that SMTP server; otherwise each message is
/// written as an .eml file to <see cref="PickupDirectory"/> (the development mailbox; data/mail by default, and only
/// by default in the embedded mode).
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Gx:Mail";
    public const string DefaultPickupDirectory = "data/mail";
    public const string DefaultFrom = "GX Protocol <no-reply@gx.local>";

    /// <summary>The sender, as an address or "Name &lt;address&gt;".</summary>
    public string From { get; set; } = DefaultFrom;

    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public MailTemplates Templates { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public const int DefaultPort = 587;
    public const string DefaultSecurity = "StartTls";
    public const int DefaultTimeoutSeconds = 30;

    public string? Host { get; set; }

    public int Port { get; set; } = DefaultPort;

    /// <summary>MailKit's SecureSocketOptions by name: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public string Security { get; set; } = DefaultSecurity;

    /// <summary>Sign in only when set; the password then comes with it (from a secret, not the config file).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;
}

/// <summary>Subject and body per message kind; the body's placeholders are {code}, {minutes} and {firstName}.</summary>
public sealed class MailTemplates
{
    public MailTemplate EmailVerification { get; set; } = new()
    {
        Subject = "Your GX Protocol verification code",
        Body = "Hello {firstName},\n\nyour code to confirm this e-mail address is {code}.\nIt expires in {minutes} minutes.\n\nIf you did not register, ignore this message.\n",
    };

    public MailTemplate PasswordReset { get; set; } = new()
    {
        Subject = "Your GX Protocol password reset code",
        Body = "Hello {firstName},\n\nyour code to choose a new password is {code}.\nIt expires in {minutes} minutes.\n\nIf you did not ask for it, ignore this message: your password stays as it is.\n",
    };
}

public sealed class MailTemplate
{
    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public string Render(string text, string code, TimeSpan lifetime, string firstName) => text
        .Replace("{code}", code, StringComparison.Ordinal)
        .Replace("{minutes}", ((int)Math.Ceiling(lifetime.TotalMinutes)).ToString(global::System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{firstName}", firstName, StringComparison.Ordinal);
}
