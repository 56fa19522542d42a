namespace GxProtocol.EndToEndBench;

/// <summary>One silo process (all seven services co-hosted) on ports of its own, started from the Release build.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    public const string AdminEmail = "root@bench.local";
    public const string AdminPassword = "bench root password 1";

    private readonly ChildProcess _process;
    private readonly HttpClient _ops;

    private SiloProcess(ChildProcess process, int apiPort, int opsPort)
    {
        _process = process;
        ApiPort = apiPort;
        OpsPort = opsPort;
        _ops = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{opsPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int ApiPort { get; }
    public int OpsPort { get; }
    public int Pid => _process.Id;
    public string ApiUrl => $"http://127.0.0.1:{ApiPort}";
    public string LogPath => _process.LogPath;

    /// <param name="extra">Mode-specific settings (PostgreSQL, ledger), each "--Key=value".</param>
    /// <summary>The development mailbox of every silo the bench starts, relative to its working directory.</summary>
    public const string MailDirectory = "mail";

    public static async Task<SiloProcess> StartAsync(BenchOptions options, string workDirectory, string name, IEnumerable<string> extra, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.SiloDll))
        {
            throw new FileNotFoundException($"{options.SiloDll} missing: build Release first (bench/run.sh does)");
        }
        int api = FreePorts.Next(), ops = FreePorts.Next();
        var arguments = new List<string>
        {
            options.SiloDll,
            $"--Gx:Host:ApiPort={api}",
            $"--Gx:Host:OpsPort={ops}",
            $"--Gx:Host:SiloPort={FreePorts.Next()}",
            $"--Gx:Host:GatewayPort={FreePorts.Next()}",
            $"--Gx:DevLedger:Port={FreePorts.Next()}",
            $"--Gx:Bootstrap:SuperAdminEmail={AdminEmail}",
            $"--Gx:Bootstrap:SuperAdminPassword={AdminPassword}",
            // The benchmark is the only client: per-IP and per-user limits would measure the limiter, not the path.
            "--Gx:RateLimiting:Enabled=false",
            // A full run outlives the default 15-minute access token.
            "--Gx:Jwt:AccessTokenMinutes=600",
            // The dashboard polls grain statistics; a production silo behind Prometheus does not need it.
            "--Gx:Host:DashboardEnabled=false",
            // Verification codes go to a directory under the work directory (the silo's working directory), read by BenchMailbox.
            $"--Gx:Mail:PickupDirectory={MailDirectory}",
        };
        arguments.AddRange(extra);
        var process = ChildProcess.Start(name, "dotnet", arguments, Path.Combine(workDirectory, name + ".log"), workingDirectory: workDirectory);
        var silo = new SiloProcess(process, api, ops);
        try
        {
            await silo.WaitReadyAsync(TimeSpan.FromSeconds(180), cancellationToken);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        using var api = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.Name} exited during start-up; log {_process.LogPath}:\n{_process.Tail()}");
            }
            try
            {
                using var ready = await _ops.GetAsync("/health/ready", cancellationToken);
                last = $"/health/ready {(int)ready.StatusCode}";
                if (ready.IsSuccessStatusCode)
                {
                    // The co-hosted API listens too once the host started; the ops port alone does not prove it.
                    using var openApi = await api.GetAsync($"{ApiUrl}/identity/openapi/v1.json", cancellationToken);
                    last = $"API {(int)openApi.StatusCode}";
                    if (openApi.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException error)
            {
                last = error.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timeout";
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"{_process.Name} not ready after {timeout.TotalSeconds:0} s ({last}); log {_process.LogPath}:\n{_process.Tail()}");
    }

    public async Task<MetricsSnapshot> ScrapeAsync(CancellationToken cancellationToken) =>
        MetricsSnapshot.Parse(await _ops.GetStringAsync("/metrics", cancellationToken));

    public double CpuMilliseconds() => ProcessCpu.Milliseconds(_process.Id);

    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{_process.Name} exited; log {_process.LogPath}:\n{_process.Tail()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _ops.Dispose();
        await _process.DisposeAsync();
    }
}
