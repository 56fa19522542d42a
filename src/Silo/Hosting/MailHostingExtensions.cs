using GxProtocol.Grains.Mail;
using GxProtocol.Silo.Postgres;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// The development mailbox (a directory of .eml files) is the embedded default only: a PostgreSQL-mode silo serves
/// real users, whose codes must reach them, so it names where mail goes or does not start.
/// </summary>
public static class MailHostingExtensions
{
    // Spelt out (not composed from MailOptions.SectionName) so that a search for a key finds where it is read.
    private const string HostKey = "Gx:Mail:Smtp:Host";
    private const string PickupKey = "Gx:Mail:PickupDirectory";

    /// <summary>The keys a deployment sets for SMTP besides the host (Kubernetes ConfigMap).</summary>
    public static readonly string[] SmtpKeys = ["Gx:Mail:Smtp:Port", "Gx:Mail:Smtp:Security", "Gx:Mail:Smtp:Username", "Gx:Mail:From"];

    public static void RequireMailTransport(this WebApplicationBuilder builder, string? postgres)
    {
        if (postgres is not null && string.IsNullOrWhiteSpace(builder.Configuration[HostKey]) && string.IsNullOrWhiteSpace(builder.Configuration[PickupKey]))
        {
            throw new GxConfigurationException(HostKey,
                $"{HostKey} must be set in PostgreSQL mode (with {MailOptions.SectionName}:Smtp:Port, :Security and {MailOptions.SectionName}:From), " +
                $"or {PickupKey} for a development mailbox: verification and password-reset codes are sent by mail.");
        }
    }
}
