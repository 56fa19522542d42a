using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace GxProtocol.EndToEndBench;

/// <summary>One benchmark run: the ledger-alone baseline, then per mode the reads, the transfers under load, the
/// durable-INSERT baseline (PostgreSQL) and the outage; every figure goes to the report next to its baseline.</summary>
public sealed class Runner(BenchOptions options, string work, Report report, CancellationToken cancellationToken)
{
    private const string CommittedSeries = "outbox_commands_finished_total";
    private const string DepthGauge = "outbox_command_queue_depth_total";
    private const string LagHistogram = "projector_lag_milliseconds";
    private const int LedgerSubmitters = 256;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double? _ledgerAlone;

    public void Log(string message) =>
        Console.Error.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");

    private HttpClient LoadClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    public async Task RunAsync()
    {
        Log($"ledger alone: bench/LedgerBench --workload transfer --concurrency {LedgerSubmitters}");
        var (ledgerTps, ledgerCpu) = await Baselines.LedgerAloneAsync(options, work, LedgerSubmitters, cancellationToken);
        _ledgerAlone = ledgerTps;
        report.Figure("ledger_alone_tx_per_s", ledgerTps);
        report.Figure("ledger_alone_cpu_ms_per_tx", ledgerCpu);
        Log($"ledger alone: {ledgerTps:0} tx/s, {ledgerCpu:0.00} CPU ms/tx");
        foreach (var mode in options.Modes)
        {
            try
            {
                await RunModeAsync(mode, ledgerCpu);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // One mode failing (a silo that does not start, a refused set-up) must not cost the other its figures.
                Failed = true;
                Log($"{mode}: FAILED: {error}");
                var summary = error.Message.Split('\n')[0];
                report.Figure($"{mode}_error", summary);
                report.Note($"{Label(mode)} stopped early: {summary} (progress log above; GX_BENCH_KEEP_LOGS=1 keeps the child logs)");
            }
        }
    }

    /// <summary>A mode failed; its figures up to the failure are in the report.</summary>
    public bool Failed { get; private set; }

    private async Task RunModeAsync(string mode, double ledgerCpu)
    {
        ThrowawayPostgres? postgres = null;
        try
        {
            var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            if (mode == "postgres")
            {
                Log("postgres: starting a throwaway PostgreSQL 15 (fsync=on, synchronous_commit=on)");
                postgres = await ThrowawayPostgres.StartAsync(cancellationToken);
                await postgres.CreateDatabaseAsync("gx_load", cancellationToken);
                await postgres.CreateDatabaseAsync("gx_outage", cancellationToken);
                await postgres.CreateDatabaseAsync("gx_bench_insert", cancellationToken);
            }
            List<string> Storage(string database) => postgres is null
                ? []
                // The bench logs in as the seeded super admin with a password; admin two-factor is not what it measures.
                : [$"--ConnectionStrings:Postgres={postgres.ConnectionStringFor(database)}", $"--Gx:Jwt:SigningKey={signingKey}", "--Gx:Auth:RequireAdminTwoFactor=false"];

            WindowStats fullLoad;
            await using (var silo = await StartSiloAsync(mode, $"silo-{mode}", [.. Storage("gx_load"), "--Gx:Ledger:Mode=embedded"]))
            {
                var pairs = await SetUpAsync(silo, mode);
                await MeasureReadsAsync(silo, pairs, mode);
                fullLoad = await MeasureTransfersAsync(silo, pairs, mode, ledgerCpu,
                    postgres is null ? null : token => PostgresCounters.ReadAsync(postgres.ConnectionStringFor("postgres"), "gx_load", token));
            }
            double? insertRate = null;
            if (postgres is not null)
            {
                Log($"postgres: durable one-row INSERT baseline at c={options.Concurrency}");
                var inserts = await Baselines.DurableInsertsAsync(postgres.ConnectionStringFor("gx_bench_insert"), options.Concurrency,
                    options.WarmUp, options.Duration, cancellationToken);
                insertRate = inserts.PerSecond;
                report.Figure("postgres_insert_per_s", inserts.PerSecond);
                report.Figure("postgres_insert_p99_ms", inserts.P99Ms);
                Log($"postgres: {inserts.PerSecond:0} INSERT/s, p50 {inserts.P50Ms:0.0} ms, p99 {inserts.P99Ms:0.0} ms");
                report.RatioRow($"{Label(mode)}: accepted 202/s under full load vs durable one-row INSERT/s (c={options.Concurrency})",
                    fullLoad.PerSecond, inserts.PerSecond, "/s", null);
                report.Row($"{Label(mode)}: p99 accept under full load vs p99 durable INSERT",
                    Report.Format(fullLoad.P99Ms, "0.0", "ms"), Report.Format(inserts.P99Ms, "0.0", "ms"), fullLoad.P99Ms / inserts.P99Ms, "", null);
            }
            if (!options.SkipOutage)
            {
                await MeasureOutageAsync(mode, Storage("gx_outage"), insertRate);
            }
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    private static string Label(string mode) => mode == "postgres" ? "PostgreSQL" : "embedded";

    private async Task<SiloProcess> StartSiloAsync(string mode, string name, IEnumerable<string> settings)
    {
        Log($"{mode}: starting {name}");
        var silo = await SiloProcess.StartAsync(options, work, name, settings, cancellationToken);
        Log($"{mode}: {name} ready (pid {silo.Pid}, API {silo.ApiUrl}, ops :{silo.OpsPort}, log {silo.LogPath})");
        return silo;
    }

    private async Task<IReadOnlyList<SenderPair>> SetUpAsync(SiloProcess silo, string mode)
    {
        var started = Stopwatch.StartNew();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var api = new GxApi(client, silo.ApiUrl) { Mailbox = new BenchMailbox(Path.Combine(work, SiloProcess.MailDirectory)) };
        var admin = await api.BootstrapAsync(SiloProcess.AdminEmail, SiloProcess.AdminPassword, cancellationToken);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var pairs = await api.CreatePairsAsync(admin, options.Users, parallel: 16, tag, cancellationToken);
        foreach (var pair in pairs)
        {
            await api.WaitForBalanceAsync(pair.Sender, TimeSpan.FromSeconds(60), cancellationToken);
        }
        Log($"{mode}: {pairs.Count} senders and {pairs.Count} recipients active in {started.Elapsed.TotalSeconds:0} s");
        return pairs;
    }

    private async Task<WindowStats> RunWindowAsync(HttpClient client, Func<int, long, HttpRequestMessage> next, int success)
    {
        var load = LoadGenerator.Start(client, options.Concurrency, next, cancellationToken);
        try
        {
            await Task.Delay(options.WarmUp, cancellationToken);
            var from = load.Elapsed;
            await Task.Delay(options.Duration, cancellationToken);
            var to = load.Elapsed;
            await load.StopAsync();
            return load.Window(from, to, success);
        }
        finally
        {
            await load.StopAsync();
        }
    }

    private async Task MeasureReadsAsync(SiloProcess silo, IReadOnlyList<SenderPair> pairs, string mode)
    {
        var users = pairs.SelectMany(p => new[] { p.Sender, p.Recipient }).ToArray();
        int concurrency = options.Concurrency;
        HttpRequestMessage Read(string baseUrl, int worker, long sequence)
        {
            var user = users[(int)((worker + sequence * concurrency) % users.Length)];
            var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/tokenomics/api/v1/wallets/{user.Id}/balance");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
            return request;
        }

        Log($"{mode}: balance reads at c={concurrency} for {options.Duration.TotalSeconds:0} s");
        using var client = LoadClient();
        var project = await RunWindowAsync(client, (w, s) => Read(silo.ApiUrl, w, s), 200);

        // The same bytes the silo answers, from a Kestrel app with nothing else in it.
        using var sampleRequest = Read(silo.ApiUrl, 0, 0);
        using var sample = await client.SendAsync(sampleRequest, cancellationToken);
        var body = await sample.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentType = sample.Content.Headers.ContentType?.ToString() ?? "application/json; charset=utf-8";
        int port = FreePorts.Next();
        await using var kestrel = await Baselines.StartBareKestrelAsync("/tokenomics/api/v1/wallets/{id}/balance", body, contentType, port);
        using var kestrelClient = LoadClient();
        var baseline = await RunWindowAsync(kestrelClient, (w, s) => Read($"http://127.0.0.1:{port}", w, s), 200);
        await kestrel.StopAsync(CancellationToken.None);
        Log($"{mode}: reads {project.PerSecond:0}/s (p99 {project.P99Ms:0.0} ms, failed {project.FailureText}); bare Kestrel {baseline.PerSecond:0}/s");

        report.RatioRow($"{Label(mode)}: balance reads/s (c={concurrency}) vs bare Kestrel", project.PerSecond, baseline.PerSecond, "/s", 0.6);
        report.Figure($"{mode}_reads_per_s", project.PerSecond);
        report.Figure($"{mode}_reads_p99_ms", project.P99Ms);
        report.Figure($"{mode}_reads_failed", project.Failed);
        report.Figure($"{mode}_kestrel_reads_per_s", baseline.PerSecond);
    }

    private async Task<WindowStats> MeasureTransfersAsync(SiloProcess silo, IReadOnlyList<SenderPair> pairs, string mode, double ledgerCpu,
        Func<CancellationToken, Task<PostgresCounters>>? database)
    {
        int concurrency = options.Concurrency;
        // Worker w alternates between senders w, w+c, w+2c...: with at least c senders, a sender never has two
        // requests in flight.
        HttpRequestMessage Next(int worker, long sequence) =>
            GxApi.TransferRequest(silo.ApiUrl, pairs[(int)((worker + sequence * concurrency) % pairs.Count)]);

        Log($"{mode}: transfers at c={concurrency} for {options.WarmUp.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s");
        using var client = LoadClient();
        var load = LoadGenerator.Start(client, concurrency, Next, cancellationToken);
        MetricsSnapshot before, after;
        double cpuBefore, cpuAfter, benchCpuBefore, benchCpuAfter;
        PostgresCounters? databaseBefore = null, databaseAfter = null;
        TimeSpan from, to;
        try
        {
            await Task.Delay(options.WarmUp, cancellationToken);
            // Committed/s comes from the silo's own counter of commands the outbox saw commit: it counts exactly the
            // commits inside the window, whenever their request was accepted, and costs the silo one scrape per
            // window, where polling each command's status would add thousands of requests to the load measured.
            from = load.Elapsed;
            cpuBefore = silo.CpuMilliseconds();
            benchCpuBefore = ProcessCpu.Milliseconds(Environment.ProcessId);
            before = await silo.ScrapeAsync(cancellationToken);
            databaseBefore = database is null ? null : await database(cancellationToken);
            await Task.Delay(options.Duration, cancellationToken);
            to = load.Elapsed;
            cpuAfter = silo.CpuMilliseconds();
            benchCpuAfter = ProcessCpu.Milliseconds(Environment.ProcessId);
            after = await silo.ScrapeAsync(cancellationToken);
            databaseAfter = database is null ? null : await database(cancellationToken);
        }
        finally
        {
            await load.StopAsync();
        }
        silo.EnsureRunning();
        var accepted = load.Window(from, to, 202);
        double seconds = (to - from).TotalSeconds;
        double? committed = Delta(before, after, CommittedSeries, "status=\"committed\"");
        // prometheus-net shows a labelled series only once it moved: a missing "failed" means none failed.
        double? failed = committed is null ? null : Delta(before, after, CommittedSeries, "status=\"failed\"") ?? 0;
        double? committedPerSecond = committed / seconds;
        double? cpuPerCommit = committed is > 0 ? (cpuAfter - cpuBefore) / committed : null;
        var lagP50 = MetricsSnapshot.QuantileBetween(before, after, LagHistogram, 0.50);
        var lagP99 = MetricsSnapshot.QuantileBetween(before, after, LagHistogram, 0.99);
        var depth = after.Sum(DepthGauge);
        Log($"{mode}: accepted {accepted.PerSecond:0}/s (p50 {accepted.P50Ms:0.0} ms, p99 {accepted.P99Ms:0.0} ms, refused {accepted.FailureText}); " +
            $"committed {Report.Format(committedPerSecond, "0")}/s, failed {failed ?? 0:0}, silo CPU {Report.Format(cpuPerCommit, "0.00")} ms/commit, " +
            $"lag p50 {Report.Format(lagP50, "0")} p99 {Report.Format(lagP99, "0")} ms, queue {Report.Format(depth, "0")}");

        bool postgres = mode == "postgres";
        report.RatioRow($"{Label(mode)}: committed transfers/s end to end vs ledger alone ({LedgerSubmitters} submitters)",
            committedPerSecond, _ledgerAlone, "/s", postgres ? 0.4 : 0.6);
        report.Row($"{Label(mode)}: accepted 202/s under full load (p50 / p99 accept)",
            $"{accepted.PerSecond:0}/s ({Report.Format(accepted.P50Ms, "0.0")} / {Report.Format(accepted.P99Ms, "0.0")} ms)", "", null,
            postgres ? "p99 < 50 ms" : "", postgres && accepted.P99Ms is { } p99 ? p99 < 50 : null);
        report.Row($"{Label(mode)}: silo CPU ms per committed transfer{(postgres ? "" : " (ledger in-process)")} vs LedgerBench CPU ms/tx",
            Report.Format(cpuPerCommit, "0.00", "ms"), Report.Format(ledgerCpu, "0.00", "ms"), cpuPerCommit / ledgerCpu, "", null);
        report.Row($"{Label(mode)}: projection lag p50 / p99",
            $"{Report.Format(lagP50, "0")} / {Report.Format(lagP99, "0")} ms", "", null,
            postgres ? "p99 < 250 ms" : "", postgres && lagP99 is { } lag ? lag < 250 : null);
        report.Figure($"{mode}_accepted_per_s", accepted.PerSecond);
        report.Figure($"{mode}_accept_p50_ms", accepted.P50Ms);
        report.Figure($"{mode}_accept_p99_ms", accepted.P99Ms);
        report.Figure($"{mode}_accept_refused", accepted.Failed);
        report.Figure($"{mode}_committed_per_s", committedPerSecond);
        report.Figure($"{mode}_failed_in_window", failed);
        report.Figure($"{mode}_silo_cpu_ms_per_commit", cpuPerCommit);
        report.Figure($"{mode}_projection_lag_p50_ms", lagP50);
        report.Figure($"{mode}_projection_lag_p99_ms", lagP99);
        report.Figure($"{mode}_queue_depth_after_load", depth);
        // What the load generator itself took from the two cores, per request answered.
        int answered = accepted.Succeeded + accepted.Failed;
        report.Figure($"{mode}_load_generator_cpu_ms_per_request", answered > 0 ? (benchCpuAfter - benchCpuBefore) / answered : null);
        if (databaseBefore is not null && databaseAfter is not null && committed is > 0)
        {
            // Per committed transfer, though the window's accepts and commits differ a little: both are reported.
            var used = databaseAfter.Minus(databaseBefore);
            double perCommit(long value) => value / committed.Value;
            report.Row($"{Label(mode)}: database transactions (reads included) / row writes / WAL bytes per committed transfer",
                $"{perCommit(used.Commits):0.0} / {perCommit(used.RowWrites):0.0} / {perCommit(used.WalBytes):0}", "", null, "", null);
            report.Figure($"{mode}_db_commits_per_commit", perCommit(used.Commits));
            report.Figure($"{mode}_db_row_writes_per_commit", perCommit(used.RowWrites));
            report.Figure($"{mode}_wal_bytes_per_commit", perCommit(used.WalBytes));
            Log($"{mode}: database {used.Commits} transactions, {used.RowWrites} row writes, {used.WalBytes / 1024} KiB WAL in the window");
        }
        return accepted;
    }

    private static double? Delta(MetricsSnapshot before, MetricsSnapshot after, string name, string? labels = null) =>
        after.Sum(name, labels) is { } end ? end - (before.Sum(name, labels) ?? 0) : null;

    private async Task MeasureOutageAsync(string mode, List<string> storage, double? insertRate)
    {
        Log($"{mode} outage: DevLedger as its own process behind a TCP relay; silo in fabric mode through the relay");
        await using var ledger = await ExternalLedger.StartAsync(options, work, $"ledger-{mode}", cancellationToken);
        await using var silo = await StartSiloAsync(mode, $"silo-{mode}-outage", [.. storage, .. ledger.SiloArguments]);
        var pairs = await SetUpAsync(silo, mode);
        int concurrency = options.Concurrency;
        HttpRequestMessage Next(int worker, long sequence) =>
            GxApi.TransferRequest(silo.ApiUrl, pairs[(int)((worker + sequence * concurrency) % pairs.Count)]);

        using var client = LoadClient();
        var load = LoadGenerator.Start(client, concurrency, Next, cancellationToken);
        var windows = new List<WindowStats>();
        TimeSpan cut;
        double? depthAtEnd;
        try
        {
            await Task.Delay(options.WarmUp, cancellationToken);
            await ledger.Relay.CutAsync();
            cut = load.Elapsed;
            Log($"{mode} outage: ledger cut for {options.Outage.TotalSeconds:0} s, transfers keep coming at c={concurrency}");
            int count = Math.Max(1, (int)Math.Round(options.Outage / options.OutageWindow));
            var window = options.Outage / count;
            for (int i = 0; i < count; i++)
            {
                var end = cut + window * (i + 1);
                var wait = end - load.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
                var stats = load.Window(cut + window * i, end, 202);
                windows.Add(stats);
                var depthNow = (await silo.ScrapeAsync(cancellationToken)).Sum(DepthGauge);
                Log($"{mode} outage: {(window * i).TotalSeconds,3:0}-{(window * (i + 1)).TotalSeconds,3:0} s accepted {stats.PerSecond,6:0}/s p99 {stats.P99Ms,7:0.0} ms refused {stats.FailureText}, queue {depthNow:0}");
            }
        }
        finally
        {
            await load.StopAsync();
        }
        depthAtEnd = (await silo.ScrapeAsync(cancellationToken)).Sum(DepthGauge);
        var whole = load.Window(cut, cut + options.Outage, 202);

        // The load stops before the ledger returns, so the drain is the backlog alone at the ledger's pace.
        var drainStart = await silo.ScrapeAsync(cancellationToken);
        var drainClock = Stopwatch.StartNew();
        ledger.Relay.Restore();
        Log($"{mode} outage: ledger back with {depthAtEnd:0} queued; draining (timeout {options.DrainTimeout.TotalSeconds:0} s)");
        double? firstCommitSeconds = null;
        MetricsSnapshot drainEnd = drainStart;
        bool drained = false;
        while (drainClock.Elapsed < options.DrainTimeout)
        {
            await Task.Delay(500, cancellationToken);
            silo.EnsureRunning();
            drainEnd = await silo.ScrapeAsync(cancellationToken);
            if (firstCommitSeconds is null && Delta(drainStart, drainEnd, CommittedSeries, "status=\"committed\"") > 0)
            {
                firstCommitSeconds = drainClock.Elapsed.TotalSeconds;
            }
            if (drainEnd.Sum(DepthGauge) is 0)
            {
                drained = true;
                break;
            }
        }
        double drainSeconds = drainClock.Elapsed.TotalSeconds;
        double? drainedCommits = Delta(drainStart, drainEnd, CommittedSeries, "status=\"committed\"");
        double? drainRate = drainedCommits / drainSeconds;
        double? deadLettered = drainEnd.Sum(CommittedSeries) is null ? null : drainEnd.Sum(CommittedSeries, "status=\"dead_lettered\"") ?? 0;
        Log($"{mode} outage: {(drained ? "drained" : "NOT drained")} {drainedCommits:0} commits in {drainSeconds:0.0} s = {drainRate:0}/s " +
            $"(first commit after {firstCommitSeconds:0.0} s), queue {drainEnd.Sum(DepthGauge):0}, dead-lettered {deadLettered ?? 0:0}");

        var first = windows[0];
        var last = windows[^1];
        string label = $"{Label(mode)} outage (external DevLedger via relay)";
        double? rateRatio = first.PerSecond > 0 ? last.PerSecond / first.PerSecond : null;
        double? p99Ratio = last.P99Ms / first.P99Ms;
        report.Row($"{label}: accepted/s, last vs first {options.OutageWindow.TotalSeconds:0} s window",
            $"{last.PerSecond:0}/s", $"{first.PerSecond:0}/s", rateRatio, "0.8x-1.2x", rateRatio is { } rr ? Math.Abs(rr - 1) <= 0.2 : null);
        report.Row($"{label}: p99 accept, last vs first window",
            Report.Format(last.P99Ms, "0.0", "ms"), Report.Format(first.P99Ms, "0.0", "ms"), p99Ratio, "<= 1.2x", p99Ratio is { } pr ? pr <= 1.2 : null);
        report.Row($"{label}: accepted/s per {options.OutageWindow.TotalSeconds:0} s window",
            string.Join(", ", windows.Select(w => w.PerSecond.ToString("0", CultureInfo.InvariantCulture))), "", null, "", null);
        report.Row($"{label}: p99 accept per window (ms)",
            string.Join(", ", windows.Select(w => Report.Format(w.P99Ms, "0"))), "", null, "", null);
        report.Row($"{label}: queued at the end of {options.Outage.TotalSeconds:0} s", Report.Format(depthAtEnd, "0"), "", null,
            ">= 30000", depthAtEnd is { } d ? d >= 30_000 : null);
        report.RatioRow($"{label}: drain committed/s (ledger back to empty{(drained ? "" : ", NOT drained")}) vs ledger alone",
            drainRate, _ledgerAlone, "/s", 0.8);
        if (mode == "postgres")
        {
            report.RatioRow($"{label}: accepted/s with the ledger stopped (accept path alone) vs durable INSERT/s (c={concurrency})",
                whole.PerSecond, insertRate, "/s", 0.1);
            report.Row($"{label}: p99 accept with the ledger stopped", Report.Format(whole.P99Ms, "0.0", "ms"), "", null, "", null);
        }
        report.Figure($"{mode}_outage_windows_accepted_per_s", string.Join(',', windows.Select(w => w.PerSecond.ToString("0", CultureInfo.InvariantCulture))));
        report.Figure($"{mode}_outage_windows_p99_ms", string.Join(',', windows.Select(w => Report.Format(w.P99Ms, "0.0"))));
        report.Figure($"{mode}_outage_accepted_per_s", whole.PerSecond);
        report.Figure($"{mode}_outage_accept_p99_ms", whole.P99Ms);
        report.Figure($"{mode}_outage_refused", whole.Failed);
        report.Figure($"{mode}_outage_queue_depth", depthAtEnd);
        report.Figure($"{mode}_drain_per_s", drainRate);
        report.Figure($"{mode}_drain_seconds", drainSeconds);
        report.Figure($"{mode}_drain_first_commit_s", firstCommitSeconds);
        report.Figure($"{mode}_drained", drained ? "yes" : "no");
        report.Figure($"{mode}_dead_lettered", deadLettered);
    }
}
