using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// A private PostgreSQL 15 server in a temporary directory, for test runs that were not given one
/// through GX_TEST_POSTGRES (e.g. a plain `dotnet test`). fsync is off: the data is thrown away. Commits are
/// acknowledged before their WAL is written unless <c>durableCommits</c> is asked for: a test that stops the server at
/// once and expects every acknowledged write to survive needs it, as a real deployment has it.
/// </summary>
internal sealed class ThrowawayPostgresServer
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private readonly string _directory;
    private readonly bool _durableCommits;

    private ThrowawayPostgresServer(string directory, int port, bool durableCommits)
    {
        _directory = directory;
        _durableCommits = durableCommits;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>Superuser connection string to the "postgres" database.</summary>
    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    public static async Task<ThrowawayPostgresServer> StartAsync(bool durableCommits = false)
    {
        FastRun.Refuse("starts a PostgreSQL server", "Postgres");
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not installed at {BinDirectory} (apt-get install -y postgresql), and GX_TEST_POSTGRES is not set.");
        }

        var directory = Directory.CreateTempSubdirectory("gx-test-pg.").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            // initdb refuses to run as root, so the server runs as the postgres user and owns the directory.
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        await RunAsPostgresOwnerAsync("initdb", ["-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);

        // The free port found here can be taken before the server binds it; then another is tried.
        for (var attempt = 1; ; attempt++)
        {
            var server = new ThrowawayPostgresServer(directory, FindFreePort(), durableCommits);
            try
            {
                await server.StartServerAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>
    /// Stops the server and deletes its directory once the given process has ended. A detached
    /// watchdog does this rather than a ProcessExit handler, because the test host is often killed
    /// without running its exit handlers.
    /// </summary>
    public void StopWhenProcessExits(int processId)
    {
        var pgCtl = Path.Combine(BinDirectory, "pg_ctl");
        var stop = Environment.IsPrivilegedProcess
            ? $"runuser -u postgres -- {pgCtl} -D {DataDirectory} -m immediate -w stop"
            : $"{pgCtl} -D {DataDirectory} -m immediate -w stop";
        var watchdog = $"while kill -0 {processId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {_directory}";

        var startInfo = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "bash", "-c", watchdog })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var _ = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the PostgreSQL clean-up watchdog.");
    }

    /// <summary>Stops the server at once (as a crash would), keeping its data directory for <see cref="StartAgainAsync"/>.</summary>
    public Task StopImmediatelyAsync() => RunAsPostgresOwnerAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);

    /// <summary>Starts the stopped server again on the same port.</summary>
    public Task StartAgainAsync() => StartServerAsync();

    /// <summary>Stops the server (if running) and deletes its directory.</summary>
    public async Task DeleteAsync()
    {
        try
        {
            await StopImmediatelyAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_directory, recursive: true);
    }

    private Task StartServerAsync()
    {
        var port = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Port;
        var serverOptions = $"-c listen_addresses=127.0.0.1 -p {port} -k {_directory} -c fsync=off -c synchronous_commit={(_durableCommits ? "on" : "off")} -c max_connections=300";
        return RunAsPostgresOwnerAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "-o", serverOptions, "start"]);
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresOwnerAsync(string tool, IReadOnlyList<string> arguments)
    {
        var executable = Path.Combine(BinDirectory, tool);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : RunAsync(executable, arguments);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
