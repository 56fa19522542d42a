using System.Diagnostics;

namespace GxProtocol.LedgerBench;

/// <summary>
/// Runs <c>concurrency</c> submitters for a warm-up and then a fixed time, and counts the transactions committed
/// VALID during the measured time only.
/// </summary>
public static class SubmitterLoop
{
    public sealed record Result(long Committed, long Failed, TimeSpan Elapsed, TimeSpan ProcessorTime)
    {
        public double PerSecond => Committed / Elapsed.TotalSeconds;

        /// <summary>Process CPU time per committed transaction: on a shared 2-core machine the steadier figure.</summary>
        public double CpuMillisecondsPerTransaction => Committed == 0 ? double.NaN : ProcessorTime.TotalMilliseconds / Committed;
    }

    /// <remarks>
    /// The warm-up matters: in the first seconds after start the tiered JIT recompiles the hot paths and took a fifth
    /// of the process's CPU (perf, 256 submitters), which a long-running ledger never pays.
    /// </remarks>
    public static async Task<Result> RunAsync(int concurrency, TimeSpan warmUp, TimeSpan duration, Func<int, long, string, Task<bool>> submitOne)
    {
        long committed = 0;
        long failed = 0;
        var stopwatch = Stopwatch.StartNew();
        var deadline = warmUp + duration;
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (long sequence = 0; stopwatch.Elapsed < deadline; sequence++)
            {
                bool valid;
                try
                {
                    valid = await submitOne(worker, sequence, $"bench-{Guid.NewGuid():N}").ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is GxProtocol.Fabric.LedgerException or Grpc.Core.RpcException)
                {
                    valid = false;
                }
                Interlocked.Increment(ref valid ? ref committed : ref failed);
            }
        })).ToList();
        await Task.Delay(warmUp).ConfigureAwait(false);
        var startedAt = stopwatch.Elapsed;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long committedBefore = Interlocked.Read(ref committed);
        long failedBefore = Interlocked.Read(ref failed);
        await Task.WhenAll(workers).ConfigureAwait(false);
        return new Result(committed - committedBefore, failed - failedBefore, stopwatch.Elapsed - startedAt,
            Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }
}
