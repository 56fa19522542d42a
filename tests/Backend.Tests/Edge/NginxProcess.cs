using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace GxProtocol.Backend.Tests.Edge;

/// <summary>A real nginx (the Debian package; ./test.sh installs it) in the foreground on a config of the test's.</summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private NginxProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _output);

    public static string Binary => Candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx is not installed (looked in " + string.Join(", ", Candidates) + "); ./test.sh installs it with apt-get.");

    /// <summary>Checks the config with <c>nginx -t</c>, starts nginx and waits until <paramref name="probePort"/> accepts connections.</summary>
    public static async Task<NginxProcess> StartAsync(string prefix, string configPath, int probePort)
    {
        var check = await Support.ToolRun.RunAsync(Binary, ["-t", "-p", prefix, "-c", configPath]);
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException($"nginx -t refused {configPath}:\n{check.Output}\n{File.ReadAllText(configPath)}");
        }
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", prefix, "-c", configPath, "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }
        var nginx = new NginxProcess(Process.Start(start)!);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (nginx._process.HasExited)
            {
                nginx._process.WaitForExit();
                throw new InvalidOperationException($"nginx exited with {nginx._process.ExitCode}:\n{nginx.Output}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", probePort);
                return nginx;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                await nginx.DisposeAsync();
                throw new TimeoutException($"nginx did not listen on 127.0.0.1:{probePort} within 20 s:\n{nginx.Output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The master and its workers: nothing the test started may outlive it.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
