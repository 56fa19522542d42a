using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GxProtocol.EndToEndBench;

/// <summary>The figures the project is compared with, each measured on this machine in the same run.</summary>
public static class Baselines
{
    /// <summary>
    /// bench/LedgerBench's transfer workload at the given submitters, as a child process; its "gRPC tx/s" column
    /// (the ledger driven through the Fabric Gateway client over loopback, as the silo drives it).
    /// </summary>
    public static async Task<(double TxPerSecond, double CpuMsPerTx)> LedgerAloneAsync(BenchOptions options, string workDirectory, int submitters, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.LedgerBenchDll))
        {
            throw new FileNotFoundException($"{options.LedgerBenchDll} missing: build Release first (bench/run.sh does)");
        }
        string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        await using var process = ChildProcess.Start("ledger-bench", "dotnet",
            [options.LedgerBenchDll, "--workload", "transfer", "--concurrency", submitters.ToString(CultureInfo.InvariantCulture),
             "--seconds", Seconds(options.LedgerBenchDuration), "--warm-up-seconds", Seconds(options.LedgerBenchWarmUp)],
            Path.Combine(workDirectory, "ledger-bench.log"), workingDirectory: workDirectory);
        int exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(10), cancellationToken);
        var log = await File.ReadAllLinesAsync(process.LogPath, cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"LedgerBench exited {exit}:\n{string.Join('\n', log.TakeLast(20))}");
        }
        // "concurrency | gRPC tx/s | in-process tx/s | gRPC / in-process | CPU ms/tx (gRPC, in-process) | failed"
        foreach (var line in log)
        {
            var columns = line.Split('|', StringSplitOptions.TrimEntries);
            if (columns.Length >= 5 && columns[0] == submitters.ToString(CultureInfo.InvariantCulture)
                && double.TryParse(columns[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond))
            {
                var cpu = columns[4].Split(',')[0].Trim();
                return (perSecond, double.TryParse(cpu, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) ? ms : double.NaN);
            }
        }
        throw new InvalidOperationException($"No '{submitters} | ...' line in LedgerBench output:\n{string.Join('\n', log)}");
    }

    /// <summary>A bare Kestrel app in this process answering the given path with fixed JSON bytes, no auth, no middleware.</summary>
    public static async Task<WebApplication> StartBareKestrelAsync(string path, byte[] json, string contentType, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet(path, (HttpContext context) =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = json.Length;
            return context.Response.Body.WriteAsync(json).AsTask();
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// <paramref name="concurrency"/> tasks, each committing one-row INSERTs (uuid + 200-byte payload) one after the
    /// other, autocommit, into an empty database of the same server the silo uses (fsync and synchronous_commit on).
    /// </summary>
    public static async Task<(double PerSecond, double P50Ms, double P99Ms)> DurableInsertsAsync(string connectionString, int concurrency, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        var pool = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Math.Max(100, concurrency + 10) };
        await using var dataSource = NpgsqlDataSource.Create(pool.ConnectionString);
        await using (var table = dataSource.CreateCommand("CREATE TABLE bench_insert (id uuid PRIMARY KEY, payload bytea NOT NULL)"))
        {
            await table.ExecuteNonQueryAsync(cancellationToken);
        }
        var payload = new byte[200];
        Random.Shared.NextBytes(payload);
        long started = Stopwatch.GetTimestamp();
        long windowStart = (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        long windowEnd = (long)((warmUp + duration).TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[concurrency];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(8192);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var insert = new NpgsqlCommand("INSERT INTO bench_insert (id, payload) VALUES ($1, $2)", connection);
            var id = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = payload, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
            await insert.PrepareAsync(cancellationToken);
            while (true)
            {
                long begin = Stopwatch.GetTimestamp();
                if (begin - started >= windowEnd)
                {
                    return;
                }
                id.Value = Guid.NewGuid();
                await insert.ExecuteNonQueryAsync(cancellationToken);
                long end = Stopwatch.GetTimestamp();
                if (end - started >= windowStart && end - started < windowEnd)
                {
                    mine.Add((end - begin) * 1000.0 / Stopwatch.Frequency);
                }
            }
        }, cancellationToken)));
        var all = latencies.SelectMany(l => l).Order().ToList();
        double P(double q) => all.Count == 0 ? double.NaN : all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
        return (all.Count / duration.TotalSeconds, P(0.5), P(0.99));
    }
}
