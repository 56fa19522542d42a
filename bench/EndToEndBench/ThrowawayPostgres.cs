using System.Diagnostics;

namespace GxProtocol.EndToEndBench;

/// <summary>
/// A PostgreSQL 15 of its own for one run: initdb in a temp directory, 127.0.0.1 on a free port, fsync and
/// synchronous_commit on (the figures must include durability), stopped with -m immediate and deleted on dispose.
/// As root, initdb and pg_ctl run as the postgres user (initdb refuses root).
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _directory;
    private bool _started;

    private ThrowawayPostgres(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var admin = Npgsql.NpgsqlDataSource.Create(ConnectionStringFor("postgres"));
        await using var create = admin.CreateCommand($"CREATE DATABASE {database}");
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<ThrowawayPostgres> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 not found in {BinDirectory} (apt-get install postgresql-15)");
        }
        // Its own directory right under /tmp: the postgres user must reach it, and the bench's temp directory is private.
        var directory = Directory.CreateTempSubdirectory("gx-bench-pg-").FullName;
        var server = new ThrowawayPostgres(directory, FreePorts.Next());
        try
        {
            if (IsRoot)
            {
                await RunAsync("chown", ["-R", "postgres:postgres", directory], cancellationToken);
            }
            await RunAsPostgresAsync("initdb", ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], cancellationToken);
            server._started = true;
            Emergency.Register(server, server.StopNow);
            await RunAsPostgresAsync("pg_ctl", ["-D", server.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
                "-o", $"-c listen_addresses=127.0.0.1 -p {server.Port} -k {directory} -c fsync=on -c synchronous_commit=on -c max_connections=400 -c shared_buffers=256MB",
                "start"], cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    private static bool IsRoot => Environment.UserName == "root";

    private static Task RunAsPostgresAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments], cancellationToken)
            : RunAsync(Path.Combine(BinDirectory, tool), arguments, cancellationToken);

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private void StopNow()
    {
        RunAsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None).GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        Emergency.Unregister(this);
        if (_started)
        {
            try
            {
                // Not cancellable: a stop must finish even when the run was interrupted.
                await RunAsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Not running (start failed): nothing to stop.
            }
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left behind; /tmp is cleaned by the system.
        }
    }
}
