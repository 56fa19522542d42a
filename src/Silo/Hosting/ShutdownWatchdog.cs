using System.Diagnostics;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// Bounds shutdown. The host's own timeout cancels the stop token, but Orleans' silo shutdown keeps retrying storage
/// and membership writes when PostgreSQL is gone; once the bound has passed this ends the process regardless. The
/// process kills itself rather than calling Environment.Exit, whose exit handlers wait for the very shutdown that hangs.
/// </summary>
public static class ShutdownWatchdog
{
    /// <summary>Exit code of a shutdown that had to be cut short.</summary>
    public const int ForcedExitCode = 3;

    public static WebApplicationBuilder AddGxShutdownBound(this WebApplicationBuilder builder, GxHostOptions host)
    {
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(host.ShutdownTimeoutSeconds));
        return builder;
    }

    public static WebApplication ArmGxShutdownBound(this WebApplication app, GxHostOptions host)
    {
        var bound = TimeSpan.FromSeconds(host.ShutdownTimeoutSeconds);
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            var watchdog = new Thread(() =>
            {
                Thread.Sleep(bound);
                Console.Error.WriteLine($"Shutdown did not finish within {host.ShutdownTimeoutSeconds} s ({GxHostOptions.SectionName}:{nameof(GxHostOptions.ShutdownTimeoutSeconds)}); exiting now.");
                Console.Error.Flush();
                Environment.ExitCode = ForcedExitCode;
                Process.GetCurrentProcess().Kill();
            })
            { IsBackground = true, Name = "gx-shutdown-watchdog" };
            watchdog.Start();
        });
        return app;
    }
}
