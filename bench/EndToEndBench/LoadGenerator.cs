using System.Diagnostics;
using System.Net;

namespace GxProtocol.EndToEndBench;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers, each sending its next request as soon as the previous one answered.
/// Every answer is kept as (when, latency, status) so any time window of the run can be summarised afterwards, while
/// the caller scrapes metrics or cuts the ledger at the window's edges.
/// </summary>
public sealed class LoadGenerator
{
    private readonly List<Sample>[] _samples;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _interrupted;
    private readonly long _started;

    private LoadGenerator(int concurrency, CancellationToken cancellationToken)
    {
        _samples = Enumerable.Range(0, concurrency).Select(_ => new List<Sample>(4096)).ToArray();
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _interrupted = cancellationToken;
        _started = Stopwatch.GetTimestamp();
    }

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Time since the load started.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <param name="next">(worker, sequence within the worker) to a request; the generator sends and disposes it.</param>
    public static LoadGenerator Start(HttpClient client, int concurrency, Func<int, long, HttpRequestMessage> next, CancellationToken cancellationToken)
    {
        var generator = new LoadGenerator(concurrency, cancellationToken);
        generator.Completion = Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(() => generator.WorkAsync(client, worker, next))));
        return generator;
    }

    private async Task WorkAsync(HttpClient client, int worker, Func<int, long, HttpRequestMessage> next)
    {
        var samples = _samples[worker];
        var token = _stop.Token;
        for (long sequence = 0; !token.IsCancellationRequested; sequence++)
        {
            using var request = next(worker, sequence);
            long begin = Stopwatch.GetTimestamp();
            int status;
            try
            {
                // Not cancelled by the stop: a request in flight is allowed to finish, so its latency is real
                // (only an interrupted run abandons it).
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, _interrupted);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = 0;
            }
            catch (TaskCanceledException)
            {
                status = (int)HttpStatusCode.RequestTimeout;
            }
            long end = Stopwatch.GetTimestamp();
            lock (samples)
            {
                samples.Add(new Sample(end - _started, end - begin, status));
            }
            if (status == 0)
            {
                // A refused connection answers in microseconds: do not spin on it.
                try
                {
                    await Task.Delay(10, token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Completion;
    }

    /// <summary>Answers that arrived in [from, to) of the run.</summary>
    public WindowStats Window(TimeSpan from, TimeSpan to, int successStatus)
    {
        long fromTicks = (long)(from.TotalSeconds * Stopwatch.Frequency);
        long toTicks = (long)(to.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>();
        int failed = 0;
        var failures = new Dictionary<int, int>();
        foreach (var list in _samples)
        {
            lock (list)
            {
                foreach (var sample in list)
                {
                    if (sample.At < fromTicks || sample.At >= toTicks)
                    {
                        continue;
                    }
                    if (sample.Status == successStatus)
                    {
                        latencies.Add(sample.Latency * 1000.0 / Stopwatch.Frequency);
                    }
                    else
                    {
                        failed++;
                        failures[sample.Status] = failures.GetValueOrDefault(sample.Status) + 1;
                    }
                }
            }
        }
        latencies.Sort();
        double seconds = (to - from).TotalSeconds;
        return new WindowStats(seconds, latencies.Count, failed, latencies.Count / seconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), failures);
    }

    private static double? Percentile(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? null : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];

    private readonly record struct Sample(long At, long Latency, int Status);
}

/// <summary>A window's successes per second and their latency (ms); failures by status (0: connection error).</summary>
public sealed record WindowStats(double Seconds, int Succeeded, int Failed, double PerSecond, double? P50Ms, double? P99Ms, IReadOnlyDictionary<int, int> Failures)
{
    public string FailureText => Failed == 0 ? "none" : string.Join(", ", Failures.OrderBy(f => f.Key).Select(f => $"{f.Value}x{(f.Key == 0 ? "conn" : f.Key)}"));
}
