using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GxProtocol.EndToEndBench;

/// <summary>The side-by-side table (measure | project | baseline | ratio | goal | met?) and the figures as one JSON line.</summary>
public sealed class Report
{
    private readonly List<Line> _rows = [];
    private readonly SortedDictionary<string, object?> _figures = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    public void Figure(string key, double? value) => _figures[key] = value is { } v && double.IsFinite(v) ? Math.Round(v, 3) : null;

    public void Figure(string key, string value) => _figures[key] = value;

    public void Note(string note) => _notes.Add(note);

    /// <param name="met">null: no goal for this line, or a figure is missing.</param>
    public void Row(string measure, string project, string baseline, double? ratio, string goal, bool? met) =>
        _rows.Add(new Line(measure, project, baseline, ratio, goal, met));

    /// <summary>A line whose goal is a ratio to the baseline of at least <paramref name="minimum"/>.</summary>
    public void RatioRow(string measure, double? project, double? baseline, string unit, double? minimum, string format = "0")
    {
        double? ratio = project is { } p && baseline is { } b && b > 0 ? p / b : null;
        Row(measure, Format(project, format, unit), Format(baseline, format, unit), ratio,
            minimum is { } m ? $">= {m.ToString("0.0#", CultureInfo.InvariantCulture)}x" : "",
            minimum is { } min && ratio is { } r ? r >= min : null);
    }

    public static string Format(double? value, string format, string unit = "") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : "") : "n/a";

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| measure | project | baseline | ratio | goal | met? |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            var ratio = row.Ratio is { } r && double.IsFinite(r) ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "";
            var met = row.Met switch { true => "yes", false => "NO", null => row.Goal.Length > 0 ? "n/a" : "" };
            text.AppendLine($"| {row.Measure} | {row.Project} | {row.Baseline} | {ratio} | {row.Goal} | {met} |");
        }
        foreach (var note in _notes)
        {
            text.AppendLine();
            text.Append("- ").Append(note);
        }
        return text.ToString();
    }

    public string Json() => JsonSerializer.Serialize(_figures);

    private sealed record Line(string Measure, string Project, string Baseline, double? Ratio, string Goal, bool? Met);
}
