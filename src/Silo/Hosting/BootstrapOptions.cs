namespace GxProtocol.Silo.Hosting;

/// <summary>The super admin seeded at start-up (section <c>Gx:Bootstrap</c>); both optional, see <see cref="SuperAdminSeeder"/>.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Gx:Bootstrap";

    public string? SuperAdminEmail { get; set; }
    public string? SuperAdminPassword { get; set; }
}
