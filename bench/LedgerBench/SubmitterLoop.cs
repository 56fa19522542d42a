using System.Diagnostics;

namespace GxProtocol.LedgerBench;

/// <summary>Runs <c>concurrency</c> submitters for a fixed time and counts the transactions committed VALID.</summary>
public static class SubmitterLoop
{
    public sealed record Result(long Committed, long Failed, TimeSpan Elapsed)
    {
        public double PerSecond => Committed / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(int concurrency, TimeSpan duration, Func<string, Task<bool>> submitOne)
    {
        long committed = 0;
        long failed = 0;
        var stopwatch = Stopwatch.StartNew();
        var deadline = stopwatch.Elapsed + duration;
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (long sequence = 0; stopwatch.Elapsed < deadline; sequence++)
            {
                bool valid;
                try
                {
                    valid = await submitOne($"bench-{Guid.NewGuid():N}").ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is GxProtocol.Fabric.LedgerException or Grpc.Core.RpcException)
                {
                    valid = false;
                }
                Interlocked.Increment(ref valid ? ref committed : ref failed);
            }
        })).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return new Result(committed, failed, stopwatch.Elapsed);
    }
}
