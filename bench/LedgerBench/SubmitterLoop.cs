using System.Diagnostics;

namespace GxProtocol.LedgerBench;

/// <summary>Runs <c>concurrency</c> submitters for a fixed time and counts the transactions committed VALID.</summary>
public static class SubmitterLoop
{
    public sealed record Result(long Committed, long Failed, TimeSpan Elapsed, TimeSpan ProcessorTime)
    {
        public double PerSecond => Committed / Elapsed.TotalSeconds;

        /// <summary>Process CPU time per committed transaction: on a shared 2-core machine the steadier figure.</summary>
        public double CpuMillisecondsPerTransaction => Committed == 0 ? double.NaN : ProcessorTime.TotalMilliseconds / Committed;
    }

    public static async Task<Result> RunAsync(int concurrency, TimeSpan duration, Func<int, long, string, Task<bool>> submitOne)
    {
        long committed = 0;
        long failed = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var deadline = stopwatch.Elapsed + duration;
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
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        return new Result(committed, failed, elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }
}
