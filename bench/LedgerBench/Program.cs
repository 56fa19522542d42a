using System.Globalization;
using GxProtocol.LedgerBench;

// Committed transactions per second into the DevLedger: through the Fabric Gateway client over gRPC (h2c loopback)
// next to the same ledger driven in-process, at each concurrency level. Not a test: a measurement.
var settings = BenchSettings.Parse(args);
if (args.Contains("--crypto"))
{
    CryptoBench.Run();
    return;
}
Console.WriteLine($"LedgerBench: {settings.Duration.TotalSeconds:0.#} s per point after {settings.WarmUp.TotalSeconds:0.#} s warm-up, block size {settings.BlockSize}, batch timeout {settings.BatchTimeout.TotalMilliseconds:0.#} ms, {Environment.ProcessorCount} cores");
foreach (var workload in settings.Workloads.Select(name => name switch
{
    "unique-key" => Workload.UniqueKey,
    "transfer" => Workload.Transfer,
    _ => throw new ArgumentException($"Unknown workload '{name}': unique-key or transfer."),
}))
{
    Console.WriteLine($"workload {workload.Name}");
    Console.WriteLine("concurrency | gRPC tx/s | in-process tx/s | gRPC / in-process | CPU ms/tx (gRPC, in-process) | failed (gRPC, in-process)");
    foreach (int concurrency in settings.Concurrency)
    {
        var grpc = await Scenarios.ThroughGrpcAsync(settings, workload, concurrency);
        var inProcess = await Scenarios.InProcessAsync(settings, workload, concurrency);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{concurrency,11} | {grpc.PerSecond,9:0} | {inProcess.PerSecond,15:0} | {grpc.PerSecond / inProcess.PerSecond,17:0.00} | {grpc.CpuMillisecondsPerTransaction,13:0.00}, {inProcess.CpuMillisecondsPerTransaction,13:0.00} | {grpc.Failed}, {inProcess.Failed}"));
    }
}
