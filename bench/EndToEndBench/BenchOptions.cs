using System.Globalization;

namespace GxProtocol.EndToEndBench;

/// <summary>
/// Command line: --seconds 20 --users 128 --concurrency 64 --outage-seconds 60 --modes embedded,postgres
/// --skip-outage --quick --repo PATH --ledger-bench-seconds 10.
/// </summary>
public sealed record BenchOptions(
    string RepoRoot,
    TimeSpan Duration,
    TimeSpan WarmUp,
    int Users,
    int Concurrency,
    TimeSpan Outage,
    TimeSpan OutageWindow,
    TimeSpan DrainTimeout,
    IReadOnlyList<string> Modes,
    bool SkipOutage,
    bool Quick,
    TimeSpan LedgerBenchDuration,
    TimeSpan LedgerBenchWarmUp)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        double Seconds(string name, double fallback) =>
            Value(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
        int Integer(string name, int fallback) =>
            Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "--seconds", "--users", "--concurrency", "--outage-seconds", "--modes", "--skip-outage", "--quick", "--repo",
            "--ledger-bench-seconds", "--drain-timeout-seconds",
        };
        foreach (var arg in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            if (!known.Contains(arg))
            {
                throw new ArgumentException($"Unknown option {arg}; known: {string.Join(' ', known.Order())}");
            }
        }

        bool quick = args.Contains("--quick");
        var modes = (Value("--modes") ?? "embedded,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var mode in modes)
        {
            if (mode is not ("embedded" or "postgres"))
            {
                throw new ArgumentException($"--modes: '{mode}' is not embedded or postgres");
            }
        }
        var outage = TimeSpan.FromSeconds(Seconds("--outage-seconds", quick ? 20 : 60));
        var options = new BenchOptions(
            RepoRoot: Path.GetFullPath(Value("--repo") ?? FindRepoRoot()),
            Duration: TimeSpan.FromSeconds(Seconds("--seconds", quick ? 5 : 20)),
            WarmUp: TimeSpan.FromSeconds(quick ? 2 : 5),
            Users: Integer("--users", 128),
            Concurrency: Integer("--concurrency", 64),
            Outage: outage,
            OutageWindow: TimeSpan.FromSeconds(quick ? 5 : 10),
            DrainTimeout: TimeSpan.FromSeconds(Seconds("--drain-timeout-seconds", quick ? 60 : 180)),
            Modes: modes,
            SkipOutage: args.Contains("--skip-outage"),
            Quick: quick,
            LedgerBenchDuration: TimeSpan.FromSeconds(Seconds("--ledger-bench-seconds", quick ? 4 : 10)),
            LedgerBenchWarmUp: TimeSpan.FromSeconds(quick ? 2 : 5));
        if (options.Users < 1 || options.Concurrency < 1 || options.Duration <= TimeSpan.Zero || options.Outage <= TimeSpan.Zero)
        {
            throw new ArgumentException("--users, --concurrency, --seconds and --outage-seconds must be positive");
        }
        return options;
    }

    /// <summary>The repository root: the first ancestor of the working directory or of this program holding GxProtocol.sln.</summary>
    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GxProtocol.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("GxProtocol.sln not found above the working directory; pass --repo PATH");
    }

    public string SiloDll => Path.Combine(RepoRoot, "src/Silo/bin/Release/net10.0/GxProtocol.Silo.dll");
    public string DevLedgerDll => Path.Combine(RepoRoot, "src/DevLedger/bin/Release/net10.0/GxProtocol.DevLedger.dll");
    public string LedgerBenchDll => Path.Combine(RepoRoot, "bench/LedgerBench/bin/Release/net10.0/GxProtocol.LedgerBench.dll");
}
