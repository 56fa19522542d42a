using Microsoft.Extensions.Options;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// Stops start-up on bad <see cref="GxHostOptions"/>; each failure names its key. Run by <see cref="HostOptionsReader"/>,
/// because the ports are needed before the host is built.
/// </summary>
public sealed class GxHostOptionsValidator : IValidateOptions<GxHostOptions>
{
    private const string Prefix = GxHostOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, GxHostOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BindAddress))
        {
            failures.Add($"{Prefix}{nameof(GxHostOptions.BindAddress)} is required.");
        }
        // 0 is allowed for the API port only: it turns the co-hosted frontends off.
        Range(failures, nameof(GxHostOptions.ApiPort), options.ApiPort, 0, 65535);
        Range(failures, nameof(GxHostOptions.OpsPort), options.OpsPort, 1, 65535);
        Range(failures, nameof(GxHostOptions.SiloPort), options.SiloPort, 1, 65535);
        Range(failures, nameof(GxHostOptions.GatewayPort), options.GatewayPort, 1, 65535);
        Range(failures, nameof(GxHostOptions.DashboardSessionSeconds), options.DashboardSessionSeconds, 5, 43200);
        Range(failures, nameof(GxHostOptions.ShutdownTimeoutSeconds), options.ShutdownTimeoutSeconds, 1, 3600);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add($"{Prefix}{key} must be between {minimum} and {maximum} (was {value}).");
        }
    }
}
