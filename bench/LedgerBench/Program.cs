using System.Globalization;
using GxProtocol.LedgerBench;

// Committed transactions per second into the DevLedger: through the Fabric Gateway client over gRPC (h2c loopback)
// next to the same ledger driven in-process, at each concurrency level. Not a test: a measurement.
var settings = BenchSettings.Parse(args);
if (Environment.GetEnvironmentVariable("BENCH_DEBUG") is not null)
{
    var pem = GxProtocol.Fabric.Identity.DevelopmentIdentity.Create("x");
    using var id = GxProtocol.Fabric.Identity.SigningIdentity.FromPem("M", pem.CertificatePem, pem.PrivateKeyPem);
    using var verifier = GxProtocol.Fabric.Identity.CertificateIdentity.Parse(id.Creator);
    var sw = System.Diagnostics.Stopwatch.StartNew();
    byte[] sig = [];
    for (int i = 0; i < 1000; i++) sig = id.Sign(new byte[200]);
    Console.WriteLine($"sign {sw.Elapsed.TotalMilliseconds / 1000:0.000} ms");
    sw.Restart();
    for (int i = 0; i < 1000; i++) verifier.Verify(new byte[200], sig);
    Console.WriteLine($"verify {sw.Elapsed.TotalMilliseconds / 1000:0.000} ms");
}
Console.WriteLine($"LedgerBench: {settings.Duration.TotalSeconds:0.#} s per point, block size {settings.BlockSize}, batch timeout {settings.BatchTimeout.TotalMilliseconds:0.#} ms, {Environment.ProcessorCount} cores");
Console.WriteLine("concurrency | gRPC tx/s | in-process tx/s | gRPC / in-process | failed (gRPC, in-process)");
foreach (int concurrency in settings.Concurrency)
{
    var grpc = await Scenarios.ThroughGrpcAsync(settings, concurrency);
    var inProcess = await Scenarios.InProcessAsync(settings, concurrency);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{concurrency,11} | {grpc.PerSecond,9:0} | {inProcess.PerSecond,15:0} | {grpc.PerSecond / inProcess.PerSecond,17:0.00} | {grpc.Failed}, {inProcess.Failed}"));
}
