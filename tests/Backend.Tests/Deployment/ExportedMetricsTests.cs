using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GxProtocol.Backend.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GxProtocol.Backend.Tests.Deployment;

/// <summary>
/// Every metric an alert (k8s PrometheusRule) or the Grafana dashboard names is exported on /metrics by a freshly
/// started PostgreSQL-mode silo or a standalone frontend, before any command: an alert can tell "zero" from "absent".
/// </summary>
[Trait("Category", "Process")]
[Trait("Category", "Slow")]
[Trait("Category", "Deployment")]
[Trait("Category", "Postgres")]
public sealed partial class ExportedMetricsTests(PostgresFixture database) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private PostgresSiloCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await PostgresSiloCluster.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Every_metric_named_by_an_alert_or_the_dashboard_is_exported_from_start_up()
    {
        var named = NamedMetrics();
        Assert.Contains("outbox_command_queue_depth_total", named.Keys);
        Assert.Contains("gx_postgres_up", named.Keys);

        await using var silo = await _cluster.StartSiloAsync();
        await using var frontend = await HostProcess.StartFrontendAsync("identity", _cluster.FrontendSettings(), TimeSpan.FromSeconds(90));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        // Labelled HTTP series exist once a request was answered; no command is sent, so the outbox and projector
        // series below come from start-up alone.
        Assert.True((await http.GetAsync(new Uri(frontend.ApiBase, "/identity/health/live"))).IsSuccessStatusCode);

        var siloMetrics = await Eventually.MatchesAsync(() => http.GetStringAsync(new Uri(silo.OpsBase, "/metrics")),
            text => text.Contains("\ngx_postgres_up 1"), "gx_postgres_up 1 on the silo's /metrics");
        var frontendMetrics = await http.GetStringAsync(new Uri(frontend.ApiBase, "/metrics"));
        var exported = SeriesNames(siloMetrics).Concat(SeriesNames(frontendMetrics)).ToHashSet();

        var missing = named.Where(n => !exported.Contains(n.Key)).Select(n => $"{n.Key} (in {n.Value})").ToList();
        Assert.True(missing.Count == 0, "named but not exported: " + string.Join(", ", missing));
        Assert.Contains("\noutbox_command_queue_depth_total 0", siloMetrics);
        Assert.Contains("\noutbox_commands_finished_total{status=\"dead_lettered\"} 0", siloMetrics);
        Assert.Contains("\nprojector_events_dead_lettered_total 0", siloMetrics);
        Assert.Contains("\nprojector_lag_milliseconds_count 0", siloMetrics);
        Assert.Contains("\nwebhook_deliveries_finished_total{outcome=\"failed\"} 0", siloMetrics);
    }

    /// <summary>Metric name → where it is named, from the PrometheusRule expressions and the dashboard's targets.</summary>
    private static Dictionary<string, string> NamedMetrics()
    {
        var named = new Dictionary<string, string>();
        var built = Kustomize.Build(Path.Combine(RepoPaths.Root, "k8s", "base"));
        foreach (var rule in built.Where(d => Str(d, "kind") == "PrometheusRule")
                     .SelectMany(d => Seq(Node(d, "spec", "groups")).SelectMany(g => Seq(Node(g, "rules")))))
        {
            foreach (var metric in MetricNames(Str(rule, "expr")!))
            {
                named.TryAdd(metric, "alert " + Str(rule, "alert"));
            }
        }
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "k8s", "base", "monitoring", "gx-backend-dashboard.json")))!;
        foreach (var panel in dashboard["panels"]!.AsArray())
        {
            foreach (var target in panel!["targets"]!.AsArray())
            {
                foreach (var metric in MetricNames(target!["expr"]!.GetValue<string>()))
                {
                    named.TryAdd(metric, "panel " + panel["title"]);
                }
            }
        }
        return named;
    }

    /// <summary>The series names in a PromQL expression: what is left after strings, label matchers, ranges,
    /// grouping clauses, function calls, operators and numbers are taken out.</summary>
    public static IEnumerable<string> MetricNames(string expression)
    {
        var rest = QuotedString().Replace(expression, "");
        rest = LabelMatchers().Replace(rest, "");
        rest = RangeSelector().Replace(rest, "");
        rest = Grouping().Replace(rest, "");
        return Identifier().Matches(rest).Select(m => m.Groups[1].Value)
            .Where(name => name is not ("and" or "or" or "unless" or "bool" or "offset"))
            .Distinct();
    }

    private static IEnumerable<string> SeriesNames(string exposition) =>
        exposition.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('{', ' ')[0]);

    private static YamlNode? Node(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }
        return node;
    }

    private static IEnumerable<YamlNode> Seq(YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

    private static string? Str(YamlNode? node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeSelector();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()")]
    private static partial Regex Identifier();
}
