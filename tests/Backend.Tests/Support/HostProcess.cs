using System.Collections.Concurrent;
using System.Diagnostics;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// A real host process (the built silo or a standalone frontend) on loopback ports of its own, for tests that need
/// the host as a user runs it, or that stop or kill it. Its console output is kept for failure messages.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>Every process started and not yet disposed: killed (with its tree) when the test host exits, whatever leaked them.</summary>
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    static HostProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Live.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        }
    };

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly Uri _readiness;

    private HostProcess(Process process, int apiPort, Uri readiness)
    {
        _process = process;
        ApiPort = apiPort;
        _readiness = readiness;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ApiPort { get; }
    public int ProcessId => _process.Id;

    /// <summary>The exit code once the process has ended, else null.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Sends SIGTERM and returns at once.</summary>
    public void Terminate()
    {
        using var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        term.WaitForExit();
    }
    public Uri ApiBase => new($"http://127.0.0.1:{ApiPort}");

    /// <summary>The address that answers the readiness probe: a silo's ops port, or a frontend's own port.</summary>
    public Uri OpsBase => new(_readiness.GetLeftPart(UriPartial.Authority));
    public string Output => string.Join('\n', _output);
    public bool HasExited => _process.HasExited;

    /// <summary>A silo (GxProtocol.Silo.dll); ready when its ops port answers /health/ready.</summary>
    public static Task<HostProcess> StartSiloAsync(IDictionary<string, string> settings, TimeSpan? readyTimeout = null)
    {
        var apiPort = settings.TryGetValue("Gx:Host:ApiPort", out var api) ? int.Parse(api) : FreePorts.Next();
        var opsPort = FreePorts.Next();
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
        // Every silo of the run mails into one development mailbox, which the drivers read codes from.
        if (!settings.ContainsKey("Gx:Mail:Smtp:Host"))
        {
            all["Gx:Mail:PickupDirectory"] = DevMailbox.Directory;
        }
        return StartAsync("GxProtocol.Silo.dll", Merge(all, settings), apiPort, new Uri($"http://127.0.0.1:{opsPort}/health/ready"), readyTimeout);
    }

    /// <summary>
    /// A standalone frontend (GxProtocol.ApiFrontends.dll) serving one service, or all seven for "all"; ready when
    /// that service (identity for "all") is.
    /// </summary>
    public static Task<HostProcess> StartFrontendAsync(string service, IDictionary<string, string> settings, TimeSpan? readyTimeout = null)
    {
        var port = FreePorts.Next();
        var all = new Dictionary<string, string>
        {
            ["service"] = service,
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Gx:RateLimiting:Enabled"] = "false",
        };
        var probed = service == "all" ? "identity" : service;
        return StartAsync("GxProtocol.ApiFrontends.dll", Merge(all, settings), port, new Uri($"http://127.0.0.1:{port}/{probed}/health/ready"), readyTimeout);
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> defaults, IDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            defaults[key] = value;
        }
        return defaults;
    }

    private static async Task<HostProcess> StartAsync(string assembly, Dictionary<string, string> settings, int apiPort, Uri readiness, TimeSpan? readyTimeout)
    {
        FastRun.Refuse($"starts {assembly}", "Process");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        Live[process.Id] = process;
        var host = new HostProcess(process, apiPort, readiness);
        try
        {
            await host.WaitUntilReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        // One probe may take long on a loaded machine; only the overall deadline decides, never a single probe's timeout.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // Lets the redirected output drain, so the message below carries what the process said last.
                _process.WaitForExit();
                throw new InvalidOperationException($"The process exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync(_readiness)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
                // One probe outlived its 5 s (a host still warming up on a busy machine): the deadline decides.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The process was not ready on {_readiness} within {timeout}:\n{Output}");
    }

    /// <summary>SIGTERM: the host shuts down gracefully and leaves the cluster.</summary>
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
        Live.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    /// <summary>
    /// Starts several hosts together. When any fails, the ones that did start are killed before the failure is thrown:
    /// a fixture failing in InitializeAsync gets no DisposeAsync, so nothing else would stop them.
    /// </summary>
    public static async Task<HostProcess[]> StartAllAsync(IEnumerable<Func<Task<HostProcess>>> starts, Action<HostProcess>? started = null)
    {
        var tasks = starts.Select(start => start()).ToList();
        try
        {
            return await Task.WhenAll(tasks);
        }
        catch
        {
            foreach (var task in tasks.Where(t => t.IsCompletedSuccessfully))
            {
                started?.Invoke(task.Result);
                await task.Result.DisposeAsync();
            }
            throw;
        }
    }
}
