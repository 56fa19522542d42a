using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GxProtocol.EndToEndBench;

/// <summary>
/// The DevLedger as its own process (README "Three silos ..."), keeping its chain in a data directory, behind a
/// <see cref="TcpRelay"/> the bench can cut; plus the P-256 identity the silo signs with (the DevLedger's
/// <c>--default-role super_admin</c> trusts it, as the README's standalone ledger does).
/// </summary>
public sealed class ExternalLedger : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ExternalLedger(ChildProcess process, TcpRelay relay, string certificatePath, string keyPath)
    {
        _process = process;
        Relay = relay;
        CertificatePath = certificatePath;
        KeyPath = keyPath;
    }

    public TcpRelay Relay { get; }
    public string CertificatePath { get; }
    public string KeyPath { get; }
    public int Pid => _process.Id;

    /// <summary>The silo's settings: fabric mode through the relay.</summary>
    public IEnumerable<string> SiloArguments =>
    [
        "--Gx:Ledger:Mode=fabric",
        $"--Gx:Fabric:Endpoint=http://127.0.0.1:{Relay.Port}",
        "--Gx:Fabric:MspId=GxBackendMSP",
        $"--Gx:Fabric:CertificatePath={CertificatePath}",
        $"--Gx:Fabric:PrivateKeyPath={KeyPath}",
    ];

    public static async Task<ExternalLedger> StartAsync(BenchOptions options, string workDirectory, string name, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.DevLedgerDll))
        {
            throw new FileNotFoundException($"{options.DevLedgerDll} missing: build Release first (bench/run.sh does)");
        }
        var (certificatePath, keyPath) = WriteIdentity(workDirectory, name);
        int port = FreePorts.Next();
        var dataDirectory = Path.Combine(workDirectory, name + "-data");
        Directory.CreateDirectory(dataDirectory);
        var process = ChildProcess.Start(name, "dotnet",
            [options.DevLedgerDll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dataDirectory, "--default-role", "super_admin"],
            Path.Combine(workDirectory, name + ".log"), workingDirectory: workDirectory);
        try
        {
            await WaitListeningAsync(process, port, TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return new ExternalLedger(process, new TcpRelay(port), certificatePath, keyPath);
    }

    private static (string Certificate, string Key) WriteIdentity(string workDirectory, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=gx-backend-bench, O=GX Bench", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certificatePath = Path.Combine(workDirectory, name + "-backend.pem");
        var keyPath = Path.Combine(workDirectory, name + "-backend.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private static async Task WaitListeningAsync(ChildProcess process, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited during start-up; log {process.LogPath}:\n{process.Tail()}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
        throw new TimeoutException($"{process.Name} not listening on {port} after {timeout.TotalSeconds:0} s; log {process.LogPath}:\n{process.Tail()}");
    }

    public double CpuMilliseconds() => ProcessCpu.Milliseconds(_process.Id);

    public async ValueTask DisposeAsync()
    {
        await Relay.DisposeAsync();
        await _process.DisposeAsync();
    }
}
