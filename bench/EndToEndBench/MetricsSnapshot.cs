using System.Globalization;

namespace GxProtocol.EndToEndBench;

/// <summary>One scrape of a Prometheus text page: series (name plus label text) to value.</summary>
public sealed class MetricsSnapshot
{
    private readonly Dictionary<string, Dictionary<string, double>> _byName = new(StringComparer.Ordinal);

    public static MetricsSnapshot Parse(string text)
    {
        var snapshot = new MetricsSnapshot();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            int brace = line.IndexOf('{');
            int space = line.LastIndexOf(' ');
            if (space <= 0)
            {
                continue;
            }
            string name, labels;
            if (brace >= 0 && brace < space)
            {
                name = line[..brace];
                labels = line[(brace + 1)..line.LastIndexOf('}')];
            }
            else
            {
                name = line[..space];
                labels = "";
            }
            if (!double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }
            if (!snapshot._byName.TryGetValue(name, out var series))
            {
                snapshot._byName[name] = series = new Dictionary<string, double>(StringComparer.Ordinal);
            }
            series[labels] = value;
        }
        return snapshot;
    }

    /// <summary>The sum of a metric's series whose label text contains <paramref name="labelPart"/> (e.g. <c>status="committed"</c>); null when absent.</summary>
    public double? Sum(string name, string? labelPart = null)
    {
        if (!_byName.TryGetValue(name, out var series))
        {
            return null;
        }
        var matching = series.Where(s => labelPart is null || s.Key.Contains(labelPart, StringComparison.Ordinal)).ToList();
        return matching.Count == 0 ? null : matching.Sum(s => s.Value);
    }

    /// <summary>Cumulative histogram buckets (upper bound, count), summed over any other labels.</summary>
    public SortedDictionary<double, double> Buckets(string histogramName)
    {
        var buckets = new SortedDictionary<double, double>();
        if (!_byName.TryGetValue(histogramName + "_bucket", out var series))
        {
            return buckets;
        }
        foreach (var (labels, value) in series)
        {
            int at = labels.IndexOf("le=\"", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var bound = labels[(at + 4)..labels.IndexOf('"', at + 4)];
            double upper = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
            buckets[upper] = buckets.GetValueOrDefault(upper) + value;
        }
        return buckets;
    }

    /// <summary>
    /// A quantile of the observations made between two scrapes, from the bucket deltas, interpolated linearly inside
    /// its bucket (as Prometheus' histogram_quantile does); null when nothing was observed.
    /// </summary>
    public static double? QuantileBetween(MetricsSnapshot before, MetricsSnapshot after, string histogramName, double quantile)
    {
        var start = before.Buckets(histogramName);
        var end = after.Buckets(histogramName);
        if (end.Count == 0)
        {
            return null;
        }
        var deltas = end.Select(b => (Upper: b.Key, Count: b.Value - start.GetValueOrDefault(b.Key))).ToList();
        double total = deltas[^1].Count;
        if (total <= 0)
        {
            return null;
        }
        double rank = quantile * total;
        double lower = 0, below = 0;
        foreach (var (upper, count) in deltas)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(upper))
                {
                    return lower; // Beyond the last finite bucket: its bound is all that is known.
                }
                double inBucket = count - below;
                return inBucket <= 0 ? upper : lower + (upper - lower) * (rank - below) / inBucket;
            }
            lower = upper;
            below = count;
        }
        return lower;
    }
}
