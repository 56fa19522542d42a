using System.Runtime.InteropServices;
using GxProtocol.EndToEndBench;

// End to end, on this machine: the backend's silo (embedded default and PostgreSQL mode) driven over HTTP, each
// figure next to a baseline measured in the same run. Not a test: a measurement. bench/run.sh builds and runs it.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        bench/run.sh [--seconds 20] [--users 128] [--concurrency 64] [--outage-seconds 60] [--modes embedded,postgres]
                     [--skip-outage] [--quick] [--drain-timeout-seconds 180] [--ledger-bench-seconds 10] [--repo PATH]
        Measures the Release build's silo over HTTP next to baselines from the same run; prints a markdown table and a
        "JSON {...}" line. GX_BENCH_KEEP_LOGS=1 keeps the child processes' logs when the run fails.
        """);
    return 0;
}
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

using var interrupted = new CancellationTokenSource();
int signals = 0;
void OnSignal()
{
    if (Interlocked.Increment(ref signals) == 1)
    {
        Console.Error.WriteLine("interrupted: stopping everything the bench started (again to force)");
        interrupted.Cancel();
    }
    else
    {
        Emergency.StopAll();
        Environment.Exit(130);
    }
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; OnSignal(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; OnSignal(); });
using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => { context.Cancel = true; OnSignal(); });

var work = Directory.CreateTempSubdirectory("gx-bench-").FullName;
var report = new Report();
var runner = new Runner(options, work, report, interrupted.Token);
runner.Log($"EndToEndBench: repo {options.RepoRoot}, modes {string.Join(',', options.Modes)}, {options.Users} senders + {options.Users} recipients, " +
    $"c={options.Concurrency}, {options.WarmUp.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s per measure, " +
    (options.SkipOutage ? "no outage" : $"outage {options.Outage.TotalSeconds:0} s") + $", {Environment.ProcessorCount} cores, logs in {work}");
int exitCode = 0;
try
{
    await runner.RunAsync();
    exitCode = runner.Failed ? 1 : 0;
}
catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
{
    runner.Log("interrupted; partial results follow");
    exitCode = 130;
}
catch (Exception error)
{
    runner.Log($"FAILED: {error}");
    exitCode = 1;
}
finally
{
    Emergency.StopAll();
}

report.Note("Ratios are project / baseline from this run; goals from issue 9. Silo log level Warning, rate limiting and dashboard off.");
report.Note("Outage rows use the DevLedger as its own process behind a TCP relay in the bench (cut = connections reset, new ones refused), the silo in fabric mode; the embedded mode's outage keeps memory storage.");
Console.WriteLine();
Console.WriteLine(report.Markdown());
Console.WriteLine();
Console.WriteLine("JSON " + report.Json());
if (exitCode == 0 || Environment.GetEnvironmentVariable("GX_BENCH_KEEP_LOGS") is null)
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
        // A child still closing a file: the system's /tmp cleaning takes it.
    }
}
else
{
    runner.Log($"logs kept in {work}");
}
return exitCode;
