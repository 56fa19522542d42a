using System.Globalization;

namespace GxProtocol.LedgerBench;

/// <summary>Command line: --seconds 10 --warm-up-seconds 5 --concurrency 1,64,256 --batch-timeout-ms 50 --block-size 500 --workload unique-key,transfer.</summary>
public sealed record BenchSettings(TimeSpan Duration, TimeSpan WarmUp, IReadOnlyList<int> Concurrency, TimeSpan BatchTimeout, int BlockSize, IReadOnlyList<string> Workloads)
{
    public static BenchSettings Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
        return new BenchSettings(
            TimeSpan.FromSeconds(double.Parse(Value("--seconds", "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Value("--warm-up-seconds", "5"), CultureInfo.InvariantCulture)),
            Value("--concurrency", "1,64,256").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList(),
            TimeSpan.FromMilliseconds(double.Parse(Value("--batch-timeout-ms", "50"), CultureInfo.InvariantCulture)),
            int.Parse(Value("--block-size", "500"), CultureInfo.InvariantCulture),
            Value("--workload", "unique-key,transfer").Split(','));
    }
}
