using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Documents;

/// <summary>
/// A real clamd (Debian's clamav-daemon; ./test.sh installs it) in the foreground, as the current user, on 127.0.0.1
/// and a free port, with a temporary config and a database of one custom signature: the EICAR test string (no
/// signature database can be downloaded here). Disposing kills it and removes its directory, pass or fail.
/// </summary>
public sealed class ClamdProcess : IAsyncDisposable
{
    /// <summary>The standard anti-virus test file (68 bytes): harmless, recognised by every scanner as a test virus.</summary>
    public static readonly byte[] Eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    public const string SignatureName = "Gx.Test.EICAR";

    private static readonly string[] Candidates = ["/usr/sbin/clamd", "/usr/local/sbin/clamd", "/usr/bin/clamd"];

    private readonly string _directory;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private ClamdProcess(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public string Output => string.Join('\n', _output) + ReadLog();

    public static string Binary => Candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("clamd is not installed (looked in " + string.Join(", ", Candidates) + "); ./test.sh installs clamav-daemon with apt-get.");

    public static async Task<ClamdProcess> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("gx-clamd-").FullName;
        var database = Directory.CreateDirectory(Path.Combine(directory, "db")).FullName;
        // .ndb: name, target type 0 (any file), offset * (anywhere), hex of the bytes.
        await File.WriteAllTextAsync(Path.Combine(database, "gx-test.ndb"), $"{SignatureName}:0:*:{Convert.ToHexStringLower(Eicar)}\n");
        var clamd = new ClamdProcess(directory, FreePorts.Next());
        await File.WriteAllTextAsync(clamd.ConfigPath, $"""
            Foreground yes
            TCPSocket {clamd.Port}
            TCPAddr 127.0.0.1
            DatabaseDirectory {database}
            LogFile {Path.Combine(directory, "clamd.log")}
            PidFile {Path.Combine(directory, "clamd.pid")}
            TemporaryDirectory {directory}
            SelfCheck 3600

            """);
        try
        {
            await clamd.StartProcessAsync();
        }
        catch
        {
            await clamd.DisposeAsync();
            throw;
        }
        return clamd;
    }

    private string ConfigPath => Path.Combine(_directory, "clamd.conf");

    private async Task StartProcessAsync()
    {
        FastRun.Refuse("starts clamd", "Documents");
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ConfigPath);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Loading even one signature takes a few seconds on a busy machine.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"clamd exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                throw new TimeoutException($"clamd did not listen on 127.0.0.1:{Port} within 90 s:\n{Output}");
            }
        }
    }

    /// <summary>Kills clamd now (the scanner-outage tests); disposing afterwards still removes the directory.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file clamd still held is gone with the temp directory's next cleanup; the process itself is dead.
        }
    }

    private string ReadLog()
    {
        var log = Path.Combine(_directory, "clamd.log");
        return File.Exists(log) ? "\n--- clamd.log ---\n" + File.ReadAllText(log) : "";
    }
}
