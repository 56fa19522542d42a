using System.Collections.Concurrent;
using System.Diagnostics;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// A real silo process (the built GxProtocol.Silo.dll) on loopback ports of its own, for tests that need the host as a
/// user runs it, or that kill it. Its console output is kept for failure messages.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, int apiPort, int opsPort)
    {
        _process = process;
        ApiPort = apiPort;
        OpsPort = opsPort;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ApiPort { get; }
    public int OpsPort { get; }
    public Uri ApiBase => new($"http://127.0.0.1:{ApiPort}");
    public Uri OpsBase => new($"http://127.0.0.1:{OpsPort}");
    public string Output => string.Join('\n', _output);
    public bool HasExited => _process.HasExited;

    public static async Task<SiloProcess> StartAsync(IDictionary<string, string> settings, TimeSpan? readyTimeout = null)
    {
        var apiPort = settings.TryGetValue("Gx:Host:ApiPort", out var api) ? int.Parse(api) : FreePorts.Next();
        var opsPort = settings.TryGetValue("Gx:Host:OpsPort", out var ops) ? int.Parse(ops) : FreePorts.Next();
        var all = new Dictionary<string, string>
        {
            ["Gx:Host:ApiPort"] = apiPort.ToString(),
            ["Gx:Host:OpsPort"] = opsPort.ToString(),
            ["Gx:Host:SiloPort"] = FreePorts.Next().ToString(),
            ["Gx:Host:GatewayPort"] = FreePorts.Next().ToString(),
            ["Gx:Host:DashboardEnabled"] = "false",
            ["Gx:DevLedger:Port"] = "0",
            ["Gx:RateLimiting:Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GxProtocol.Silo.dll"));
        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var silo = new SiloProcess(Process.Start(start)!, apiPort, opsPort);
        try
        {
            await silo.WaitUntilReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
        return silo;
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync(new Uri(OpsBase, "/health/ready"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The silo was not ready on {OpsBase}health/ready within {timeout}:\n{Output}");
    }

    /// <summary>SIGTERM: the silo shuts down gracefully and leaves the cluster.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await term.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
