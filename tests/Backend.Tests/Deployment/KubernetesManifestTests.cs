using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.BodySize;
using GxProtocol.ApiFrontends.Infrastructure.Proxy;
using GxProtocol.ApiFrontends.Infrastructure.RateLimiting;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Grains.Outbox;
using GxProtocol.Silo.Hosting;
using YamlDotNet.RepresentationModel;

namespace GxProtocol.Backend.Tests.Deployment;

/// <summary>
/// The Kubernetes manifests under <c>k8s/</c> (a base and three overlays): every file parses and is listed by its
/// kustomization; each overlay, as <c>kubectl kustomize</c> builds it, has each REST service's frontend on the port
/// API.md gives and exposed its way, the silo cluster spans three nodes, every setting names a key the code reads, no
/// secret value is written down, every container is bounded, probed and fit for the "restricted" pod security level.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Deployment")]
public sealed partial class KubernetesManifestTests
{
    private static readonly string[] OverlayNames = ["overlays/ingress-nginx", "overlays/regional-nginx", "overlays/gateway-api"];

    public static TheoryData<string> Overlays => new(OverlayNames);

    // The ports of API.md; the frontends listen on them (GxServiceNames.Ports).
    private static readonly Dictionary<string, int> ApiPorts = new()
    {
        ["identity"] = 3001,
        ["admin"] = 3002,
        ["tokenomics"] = 3003,
        ["organization"] = 3004,
        ["loanpool"] = 3005,
        ["governance"] = 3006,
        ["tax"] = 3007,
    };

    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string K8sDir = Path.Combine(RepoRoot, "k8s");
    private static readonly ConcurrentDictionary<string, List<Manifest>> Built = new();

    private List<Manifest> Manifests { get; set; } = [];

    /// <summary>The manifests of one overlay, as <c>kubectl kustomize</c> builds them (once per test run).</summary>
    private List<Manifest> Use(string overlay)
    {
        Manifests = Built.GetOrAdd(overlay, o => Kustomize.Build(Path.Combine(K8sDir, o))
            .Select(root => new Manifest(o, root)).ToList());
        Assert.NotEmpty(Manifests);
        return Manifests;
    }

    [Fact]
    public void Every_document_parses_and_names_its_api_version_kind_and_name()
    {
        var files = YamlFiles();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                stream.Load(reader); // throws on malformed YAML
            }
            var documents = stream.Documents.Where(d => d.RootNode is not YamlScalarNode { Value: null or "" }).ToList();
            Assert.True(documents.Count > 0, $"{Rel(file)} holds no document");
            foreach (var document in documents)
            {
                var root = Assert.IsType<YamlMappingNode>(document.RootNode);
                Assert.False(string.IsNullOrWhiteSpace(Str(root, "apiVersion")), $"{Rel(file)}: a document without apiVersion");
                Assert.False(string.IsNullOrWhiteSpace(Str(root, "kind")), $"{Rel(file)}: a document without kind");
                if (Str(root, "kind") != "Kustomization")
                {
                    Assert.False(string.IsNullOrWhiteSpace(Str(root, "metadata", "name")), $"{Rel(file)}: a {Str(root, "kind")} without metadata.name");
                }
            }
        }
    }

    [Fact]
    public void Each_kustomization_lists_every_manifest_file_beside_it_and_only_existing_ones()
    {
        var kustomizations = YamlFiles().Where(f => Path.GetFileName(f) == "kustomization.yaml").ToList();
        Assert.Contains(Path.Combine(K8sDir, "base", "kustomization.yaml"), kustomizations);
        Assert.Equal(OverlayNames.Length, kustomizations.Count(k => k.Contains($"{Path.DirectorySeparatorChar}overlays{Path.DirectorySeparatorChar}")));
        foreach (var kustomization in kustomizations)
        {
            var dir = Path.GetDirectoryName(kustomization)!;
            var root = Load(kustomization).Single().Root;
            var listed = Seq(root, "resources").Concat(Seq(root, "patches").Select(p => Node(p, "path")).OfType<YamlNode>())
                .Select(n => ((YamlScalarNode)n).Value!)
                .Where(entry => !Directory.Exists(Path.Combine(dir, entry)))
                .ToHashSet();
            var onDisk = Directory.EnumerateFiles(dir, "*.yaml").Select(Path.GetFileName).OfType<string>()
                .Where(f => f != "kustomization.yaml").ToHashSet();
            Assert.True(onDisk.SetEquals(listed), $"{Rel(kustomization)} lists [{string.Join(", ", listed.Order())}], the folder holds [{string.Join(", ", onDisk.Order())}]");
        }
    }

    [Fact]
    public void The_base_builds_and_exposes_nothing_outside_the_cluster()
    {
        var manifests = Use("base");
        Assert.DoesNotContain(manifests, m => m.Kind is "Ingress" or "HTTPRoute" or "Gateway");
        Assert.DoesNotContain(OfKind("Service"), s => Str(s.Root, "spec", "type") is "NodePort" or "LoadBalancer");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_service_has_a_frontend_deployment_and_service_on_its_port_probed_and_exposed(string overlay)
    {
        Use(overlay);
        Assert.Equal(ApiPorts.OrderBy(p => p.Key), GxServiceNames.Ports.OrderBy(p => p.Key));
        var httpRoutes = OfKind("HTTPRoute").SelectMany(r => Seq(r.Root, "spec", "rules")).ToList();
        var ingressPaths = OfKind("Ingress")
            .SelectMany(i => Seq(i.Root, "spec", "rules"))
            .SelectMany(r => Seq(r, "http", "paths"))
            .ToList();

        foreach (var (service, port) in ApiPorts)
        {
            var deployments = OfKind("Deployment").Where(d => Containers(d).Any(c => ServiceOf(c) == service)).ToList();
            var deployment = Assert.Single(deployments);
            var container = Containers(deployment).Single(c => ServiceOf(c) == service);
            Assert.Matches(TaggedImage("gx-protocol/api"), Str(container, "image"));
            var containerPorts = Seq(container, "ports").Cast<YamlMappingNode>().ToList();
            Assert.Contains(containerPorts, p => Str(p, "containerPort") == port.ToString());

            Assert.Equal($"/{service}/health/ready", Str(container, "readinessProbe", "httpGet", "path"));
            Assert.Equal($"/{service}/health/live", Str(container, "livenessProbe", "httpGet", "path"));
            Assert.Equal($"/{service}/health/live", Str(container, "startupProbe", "httpGet", "path"));
            foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            {
                Assert.Equal(port, ResolvePort(Str(container, probe, "httpGet", "port"), containerPorts));
            }

            var podLabels = Labels(Map(deployment.Root, "spec", "template", "metadata", "labels"));
            var services = OfKind("Service")
                .Where(s => Selects(Labels(Map(s.Root, "spec", "selector")), podLabels))
                .ToList();
            var svc = Assert.Single(services);
            var svcPort = Assert.Single(Seq(svc.Root, "spec", "ports").Cast<YamlMappingNode>());
            Assert.Equal(port.ToString(), Str(svcPort, "port"));
            Assert.Equal(port, ResolvePort(Str(svcPort, "targetPort") ?? Str(svcPort, "port"), containerPorts));

            switch (overlay)
            {
                case "overlays/ingress-nginx":
                    var path = Assert.Single(ingressPaths, p => Str(p, "path")?.TrimEnd('/') == $"/{service}");
                    Assert.Equal(Name(svc), Str(path, "backend", "service", "name"));
                    Assert.Equal(port.ToString(), Str(path, "backend", "service", "port", "number"));
                    break;
                case "overlays/gateway-api":
                    var rule = Assert.Single(httpRoutes, r => Seq(r, "matches").Any(m => Str(m, "path", "value")?.TrimEnd('/') == $"/{service}"));
                    var backend = Assert.Single(Seq(rule, "backendRefs"));
                    Assert.Equal(Name(svc), Str(backend, "name"));
                    Assert.Equal(port.ToString(), Str(backend, "port"));
                    break;
                case "overlays/regional-nginx":
                    // The original topology: identity 30001 … tax 30007, the edge nginx's upstream ports.
                    Assert.Equal("NodePort", Str(svc.Root, "spec", "type"));
                    Assert.Equal("Local", Str(svc.Root, "spec", "externalTrafficPolicy"));
                    Assert.Equal((port + 27000).ToString(), Str(svcPort, "nodePort"));
                    break;
                default:
                    throw new InvalidOperationException("no exposure check for " + overlay);
            }
            Assert.True(overlay == "overlays/regional-nginx" || Str(svc.Root, "spec", "type") is null or "ClusterIP", $"{Name(svc)} is exposed on the nodes");
        }
        Assert.Equal(overlay == "overlays/ingress-nginx", OfKind("Ingress").Any());
        Assert.Equal(overlay == "overlays/gateway-api", OfKind("HTTPRoute").Any());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_overlay_limits_each_client_to_10_requests_per_second_with_a_burst_of_20_and_frontends_trust_only_its_proxies(string overlay)
    {
        Use(overlay);
        var frontend = OfKind("Deployment").First(d => Containers(d).Any(c => ServiceOf(c) is not null));
        var settings = Settings(frontend);
        var trusted = settings.Where(s => s.Key.StartsWith("Gx__ForwardedHeaders__Known", StringComparison.Ordinal)).Select(s => s.Value).ToList();
        Assert.NotEmpty(trusted);
        Assert.All(trusted, network => Assert.True(System.Net.IPNetwork.TryParse(network, out _) || System.Net.IPAddress.TryParse(network, out _), network));
        switch (overlay)
        {
            case "overlays/ingress-nginx":
                var ingress = Assert.Single(OfKind("Ingress"));
                var rps = int.Parse(Str(ingress.Root, "metadata", "annotations", "nginx.ingress.kubernetes.io/limit-rps")!);
                var multiplier = int.Parse(Str(ingress.Root, "metadata", "annotations", "nginx.ingress.kubernetes.io/limit-burst-multiplier") ?? "5");
                Assert.Equal(10, rps);
                Assert.Equal(20, rps * multiplier);
                break;
            case "overlays/gateway-api":
                Assert.Equal("true", settings["Gx__RateLimiting__Enabled"]);
                Assert.Equal("10", settings["Gx__RateLimiting__PermitsPerSecond"]);
                Assert.Equal("20", settings["Gx__RateLimiting__Burst"]);
                break;
            case "overlays/regional-nginx":
                // The edge limits (tests/Backend.Tests/Edge runs it); the frontends trust exactly the edge servers
                // that the network policy lets in.
                var template = File.ReadAllText(Path.Combine(RepoRoot, "deploy", "edge", "gx-edge.conf.template"));
                Assert.Contains("rate=10r/s", template);
                Assert.Contains("burst=20", template);
                var admitted = OfKind("NetworkPolicy").SelectMany(p => Seq(p.Root, "spec", "ingress"))
                    .SelectMany(r => Seq(r, "from")).Select(f => Str(f, "ipBlock", "cidr")).OfType<string>().ToHashSet();
                Assert.True(admitted.SetEquals(trusted), $"trusted [{string.Join(", ", trusted)}], admitted [{string.Join(", ", admitted)}]");
                break;
            default:
                throw new InvalidOperationException("no limit check for " + overlay);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_silo_runs_three_replicas_one_per_node_behind_a_disruption_budget_and_advertises_its_pod_ip(string overlay)
    {
        Use(overlay);
        var silo = Assert.Single(OfKind("Deployment", "StatefulSet"),
            w => Containers(w).Any(c => Str(c, "image")!.StartsWith("gx-protocol/silo:", StringComparison.Ordinal)));
        Assert.Matches(TaggedImage("gx-protocol/silo"), Str(Containers(silo).Single(), "image"));
        Assert.Equal("3", Str(silo.Root, "spec", "replicas"));
        var podLabels = Labels(Map(silo.Root, "spec", "template", "metadata", "labels"));

        var terms = Seq(silo.Root, "spec", "template", "spec", "affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution");
        Assert.Contains(terms, t => Str(t, "topologyKey") == "kubernetes.io/hostname"
                                    && Selects(Labels(Map(t, "labelSelector", "matchLabels")), podLabels));

        var budgets = OfKind("PodDisruptionBudget")
            .Where(p => Selects(Labels(Map(p.Root, "spec", "selector", "matchLabels")), podLabels)).ToList();
        Assert.Equal("2", Str(Assert.Single(budgets).Root, "spec", "minAvailable"));

        var container = Containers(silo).Single();
        var advertised = Seq(container, "env").Cast<YamlMappingNode>().Single(e => Str(e, "name") == "Gx__Host__AdvertisedAddress");
        Assert.Equal("status.podIP", Str(advertised, "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("/health/ready", Str(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Str(container, "livenessProbe", "httpGet", "path"));

        var settings = Settings(silo);
        Assert.Equal("fabric", settings.GetValueOrDefault("Gx__Ledger__Mode"));
        Assert.Equal("gxchannel", settings.GetValueOrDefault("Gx__Fabric__ChannelName"));
        Assert.Equal("gxtv3", settings.GetValueOrDefault("Gx__Fabric__ChaincodeName"));
        var opsPort = int.Parse(settings["Gx__Host__OpsPort"]);
        var containerPorts = Seq(container, "ports").Cast<YamlMappingNode>().ToList();
        Assert.Equal(opsPort, ResolvePort(Str(container, "readinessProbe", "httpGet", "port"), containerPorts));
        foreach (var key in new[] { "Gx__Host__SiloPort", "Gx__Host__GatewayPort" })
        {
            Assert.Contains(containerPorts, p => Str(p, "containerPort") == settings[key]);
        }

        var migrate = Assert.Single(OfKind("Job"));
        Assert.Equal(new[] { "migrate" }, Seq(Containers(migrate).Single(), "args").Select(a => ((YamlScalarNode)a).Value).ToArray());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_configuration_variable_names_a_key_the_code_reads(string overlay)
    {
        Use(overlay);
        var known = KnownConfigurationKeys();
        var names = Manifests.SelectMany(EnvironmentNames).Distinct().ToList();
        Assert.Contains("Gx__Fabric__Endpoint", names); // the scan sees the ConfigMaps
        // A list element (Gx__ForwardedHeaders__KnownNetworks__0) is the list's key plus an index.
        var unknown = names.Where(n => !known.Contains(ListIndex().Replace(n.Replace("__", ":"), ""))).ToList();
        Assert.True(unknown.Count == 0, "settings no code reads: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_secret_value_is_written_in_the_manifests(string overlay)
    {
        Use(overlay);
        foreach (var secret in OfKind("Secret"))
        {
            Assert.Null(Map(secret.Root, "data"));
            Assert.Null(Map(secret.Root, "stringData"));
        }
        var secretNames = new[] { "ConnectionStrings__Postgres", "Gx__Jwt__SigningKey", "Gx__Bootstrap__SuperAdminPassword", "Gx__Fabric__PrivateKeyPem" };
        foreach (var configMap in OfKind("ConfigMap"))
        {
            var keys = Labels(Map(configMap.Root, "data")).Keys;
            Assert.Empty(keys.Intersect(secretNames));
        }
        foreach (var workload in Manifests.Where(m => Containers(m).Any()))
        {
            foreach (var variable in Containers(workload).SelectMany(c => Seq(c, "env")).Cast<YamlMappingNode>()
                         .Where(e => secretNames.Contains(Str(e, "name"))))
            {
                Assert.True(Str(variable, "value") is null, $"{Name(workload)} writes {Str(variable, "name")} in clear");
                Assert.NotNull(Str(variable, "valueFrom", "secretKeyRef", "name"));
            }
        }
        var silo = OfKind("Deployment", "StatefulSet").Single(w => Containers(w).Any(c => Str(c, "image")!.StartsWith("gx-protocol/silo:", StringComparison.Ordinal)));
        Assert.Contains(Seq(silo.Root, "spec", "template", "spec", "volumes"), v => Str(v, "secret", "secretName") is not null);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_has_resource_requests_and_limits_and_every_long_running_one_a_readiness_probe(string overlay)
    {
        Use(overlay);
        var workloads = Manifests.Where(m => Containers(m).Any()).ToList();
        Assert.True(workloads.Count >= 1 + 1 + ApiPorts.Count, "expected the migration job, the silo and seven frontends");
        foreach (var workload in workloads)
        {
            foreach (var container in Containers(workload))
            {
                var where = $"{workload.Kind}/{Name(workload)} container {Str(container, "name")}";
                foreach (var bound in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        Assert.False(string.IsNullOrEmpty(Str(container, "resources", bound, resource)), $"{where} has no {bound}.{resource}");
                    }
                }
                if (workload.Kind != "Job")
                {
                    Assert.True(Map(container, "readinessProbe") is not null, $"{where} has no readiness probe");
                    Assert.True(Map(container, "livenessProbe") is not null, $"{where} has no liveness probe");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_network_is_deny_by_default(string overlay)
    {
        Use(overlay);
        Assert.Contains(OfKind("NetworkPolicy"), p => Map(p.Root, "spec", "podSelector") is { Children.Count: 0 }
            && Seq(p.Root, "spec", "policyTypes").Select(t => ((YamlScalarNode)t).Value).Order().SequenceEqual(new[] { "Egress", "Ingress" })
            && Map(p.Root, "spec")!.Children.Keys.All(k => ((YamlScalarNode)k).Value is "podSelector" or "policyTypes"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_namespace_enforces_the_restricted_pod_security_level_and_every_pod_meets_it(string overlay)
    {
        Use(overlay);
        var ns = Assert.Single(OfKind("Namespace"));
        Assert.Equal("restricted", Str(ns.Root, "metadata", "labels", "pod-security.kubernetes.io/enforce"));
        foreach (var workload in Manifests.Where(m => Containers(m).Any()))
        {
            var pod = PodSpec(workload)!;
            var where = $"{workload.Kind}/{Name(workload)}";
            Assert.True(Str(pod, "hostNetwork") is null or "false" && Str(pod, "hostPID") is null or "false" && Str(pod, "hostIPC") is null or "false", $"{where} shares a host namespace");
            Assert.DoesNotContain(Seq(pod, "volumes"), v => Map(v, "hostPath") is not null);
            foreach (var container in Containers(workload))
            {
                var at = $"{where} container {Str(container, "name")}";
                Assert.True(Str(container, "securityContext", "runAsNonRoot") == "true" || Str(pod, "securityContext", "runAsNonRoot") == "true", $"{at} may run as root");
                var seccomp = Str(container, "securityContext", "seccompProfile", "type") ?? Str(pod, "securityContext", "seccompProfile", "type");
                Assert.True(seccomp is "RuntimeDefault" or "Localhost", $"{at} has no seccomp profile");
                Assert.True(Str(container, "securityContext", "allowPrivilegeEscalation") == "false", $"{at} allows privilege escalation");
                Assert.True(Str(container, "securityContext", "privileged") is null or "false", $"{at} is privileged");
                Assert.Equal(new[] { "ALL" }, Seq(container, "securityContext", "capabilities", "drop").Select(c => ((YamlScalarNode)c).Value).ToArray());
                Assert.Empty(Seq(container, "securityContext", "capabilities", "add"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_frontend_has_a_disruption_budget_that_keeps_a_replica_serving(string overlay)
    {
        Use(overlay);
        var frontends = OfKind("Deployment").Where(d => Containers(d).Any(c => ServiceOf(c) is not null)).ToList();
        Assert.Equal(ApiPorts.Count, frontends.Count);
        foreach (var frontend in frontends)
        {
            var podLabels = Labels(Map(frontend.Root, "spec", "template", "metadata", "labels"));
            var budget = Assert.Single(OfKind("PodDisruptionBudget"), p => Selects(Labels(Map(p.Root, "spec", "selector", "matchLabels")), podLabels));
            var replicas = int.Parse(Str(frontend.Root, "spec", "replicas") ?? "1");
            var maxUnavailable = Str(budget.Root, "spec", "maxUnavailable");
            var minAvailable = Str(budget.Root, "spec", "minAvailable");
            var mayStop = maxUnavailable is not null ? int.Parse(maxUnavailable) : replicas - int.Parse(minAvailable!);
            Assert.True(mayStop >= 1 && mayStop < replicas, $"{Name(frontend)}: {replicas} replicas, the budget lets {mayStop} stop");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Prometheus_operator_objects_scrape_silos_and_frontends_and_alert_on_the_named_conditions(string overlay)
    {
        Use(overlay);
        var siloService = Assert.Single(OfKind("Service"), s => Name(s) == "gx-silo");
        var serviceMonitor = Assert.Single(OfKind("ServiceMonitor"));
        Assert.True(Selects(Labels(Map(serviceMonitor.Root, "spec", "selector", "matchLabels")), Labels(Map(siloService.Root, "metadata", "labels"))),
            "the ServiceMonitor does not select the gx-silo Service");
        var scrapedPort = Str(Seq(serviceMonitor.Root, "spec", "endpoints").Single(), "port");
        Assert.Contains(Seq(siloService.Root, "spec", "ports"), p => Str(p, "name") == scrapedPort);

        var podMonitor = Assert.Single(OfKind("PodMonitor"));
        var selector = Labels(Map(podMonitor.Root, "spec", "selector", "matchLabels"));
        var frontends = OfKind("Deployment").Where(d => Containers(d).Any(c => ServiceOf(c) is not null)).ToList();
        Assert.All(frontends, f => Assert.True(Selects(selector, Labels(Map(f.Root, "spec", "template", "metadata", "labels"))), $"the PodMonitor misses {Name(f)}"));
        var podPort = Str(Seq(podMonitor.Root, "spec", "podMetricsEndpoints").Single(), "port");
        Assert.All(frontends, f => Assert.Contains(Containers(f).SelectMany(c => Seq(c, "ports")), p => Str(p, "name") == podPort));

        var rules = Assert.Single(OfKind("PrometheusRule"));
        var expressions = Seq(rules.Root, "spec", "groups").SelectMany(g => Seq(g, "rules")).ToDictionary(r => Str(r, "alert")!, r => Str(r, "expr")!);
        Assert.Contains(expressions.Values, e => e.Contains("outbox_command_queue_depth_total"));
        Assert.Contains(expressions.Values, e => e.Contains("status=\"dead_lettered\""));
        Assert.Contains(expressions.Values, e => e.Contains("projector_lag_milliseconds_bucket"));
        Assert.Contains(expressions.Values, e => e.Contains("code=~\"5..\""));
        Assert.Contains(expressions.Values, e => e.Contains("consistent_ring_size") && e.Contains("< 3"));
        Assert.Contains(expressions.Values, e => e.Contains("gx_postgres_up"));

        var dashboard = Assert.Single(OfKind("ConfigMap"), c => Str(c.Root, "metadata", "labels", "grafana_dashboard") == "1");
        var json = System.Text.Json.Nodes.JsonNode.Parse(Labels(Map(dashboard.Root, "data")).Values.Single())!;
        Assert.True(json["panels"]!.AsArray().Count >= 8, "the dashboard has fewer panels than the issue lists");
    }

    private static YamlMappingNode? PodSpec(Manifest manifest) => manifest.Kind switch
    {
        "Deployment" or "StatefulSet" or "Job" or "DaemonSet" => Map(manifest.Root, "spec", "template", "spec"),
        "CronJob" => Map(manifest.Root, "spec", "jobTemplate", "spec", "template", "spec"),
        _ => null,
    };

    // ---- the keys the code reads

    /// <summary>
    /// Every property of the options classes under its section, the keys the code reads by literal string, and
    /// <c>ConnectionStrings:NAME</c> for each <c>GetConnectionString("NAME")</c> in src.
    /// </summary>
    private static HashSet<string> KnownConfigurationKeys()
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void AddOptions(Type type, string section)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                known.Add($"{section}:{property.Name}");
            }
        }
        AddOptions(typeof(GxHostOptions), GxHostOptions.SectionName);
        AddOptions(typeof(BootstrapOptions), BootstrapOptions.SectionName);
        AddOptions(typeof(FabricOptions), FabricOptions.SectionName);
        AddOptions(typeof(JwtOptions), JwtOptions.SectionName);
        AddOptions(typeof(RateLimitingOptions), RateLimitingOptions.SectionName);
        AddOptions(typeof(RequestBodyLimitOptions), RequestBodyLimitOptions.SectionName);
        AddOptions(typeof(OutboxOptions), OutboxOptions.SectionName);
        AddOptions(typeof(TrustedProxyOptions), TrustedProxyOptions.SectionName);

        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            foreach (Match literal in LiteralKey().Matches(text))
            {
                known.Add(literal.Groups[1].Value);
            }
            foreach (Match connection in ConnectionStringName().Matches(text))
            {
                known.Add($"ConnectionStrings:{connection.Groups[1].Value}");
            }
        }
        return known;
    }

    [GeneratedRegex("\"((?:Gx|ConnectionStrings):[A-Za-z0-9:]+)\"")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("GetConnectionString\\(\"([A-Za-z0-9]+)\"\\)")]
    private static partial Regex ConnectionStringName();

    [GeneratedRegex(":[0-9]+$")]
    private static partial Regex ListIndex();

    /// <summary>An image with a version tag set by kustomize <c>images:</c>, never "latest".</summary>
    private static string TaggedImage(string name) => $"^{Regex.Escape(name)}:(?!latest$)[A-Za-z0-9_.-]+$";

    private static IEnumerable<string> EnvironmentNames(Manifest manifest)
    {
        var names = new List<string>();
        if (manifest.Kind == "ConfigMap")
        {
            names.AddRange(Labels(Map(manifest.Root, "data")).Keys);
        }
        names.AddRange(Containers(manifest).SelectMany(c => Seq(c, "env")).Select(e => Str(e, "name")!));
        return names.Where(n => n.StartsWith("Gx__", StringComparison.Ordinal) || n.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    /// <summary>The literal settings a workload's first container gets: its ConfigMaps, then its own env values.</summary>
    private Dictionary<string, string> Settings(Manifest workload)
    {
        var container = Containers(workload).First();
        var settings = new Dictionary<string, string>();
        foreach (var source in Seq(container, "envFrom"))
        {
            var name = Str(source, "configMapRef", "name");
            var configMap = OfKind("ConfigMap").Single(c => Name(c) == name);
            foreach (var (key, value) in Labels(Map(configMap.Root, "data")))
            {
                settings[key] = value;
            }
        }
        foreach (var variable in Seq(container, "env").Cast<YamlMappingNode>().Where(e => Str(e, "value") is not null))
        {
            settings[Str(variable, "name")!] = Str(variable, "value")!;
        }
        return settings;
    }

    private static string? ServiceOf(YamlMappingNode container)
    {
        var fromEnv = Seq(container, "env").Cast<YamlMappingNode>().FirstOrDefault(e => Str(e, "name") == "Gx__Service");
        if (fromEnv is not null)
        {
            return Str(fromEnv, "value");
        }
        var args = Seq(container, "args").Select(a => ((YamlScalarNode)a).Value).ToList();
        var at = args.IndexOf("--service");
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }

    private static int ResolvePort(string? port, List<YamlMappingNode> containerPorts)
    {
        Assert.NotNull(port);
        if (int.TryParse(port, out var number))
        {
            return number;
        }
        var named = Assert.Single(containerPorts, p => Str(p, "name") == port);
        return int.Parse(Str(named, "containerPort")!);
    }

    private static bool Selects(Dictionary<string, string> selector, Dictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);

    // ---- YAML access

    private sealed record Manifest(string File, YamlMappingNode Root)
    {
        public string Kind => Str(Root, "kind") ?? "";
    }

    private IEnumerable<Manifest> OfKind(params string[] kinds) => Manifests.Where(m => kinds.Contains(m.Kind));

    private static string? Name(Manifest manifest) => Str(manifest.Root, "metadata", "name");

    private static IEnumerable<YamlMappingNode> Containers(Manifest manifest)
    {
        var podSpec = manifest.Kind switch
        {
            "Deployment" or "StatefulSet" or "Job" or "DaemonSet" => Map(manifest.Root, "spec", "template", "spec"),
            "CronJob" => Map(manifest.Root, "spec", "jobTemplate", "spec", "template", "spec"),
            _ => null,
        };
        return podSpec is null
            ? []
            : Seq(podSpec, "initContainers").Concat(Seq(podSpec, "containers")).Cast<YamlMappingNode>();
    }

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

    private static YamlMappingNode? Map(YamlNode? node, params string[] path) => Node(node, path) as YamlMappingNode;

    private static IEnumerable<YamlNode> Seq(YamlNode? node, params string[] path) =>
        Node(node, path) is YamlSequenceNode sequence ? sequence.Children : [];

    private static string? Str(YamlNode? node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    private static Dictionary<string, string> Labels(YamlMappingNode? map) =>
        map is null
            ? new Dictionary<string, string>()
            : map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (c.Value as YamlScalarNode)?.Value ?? "");

    private static IEnumerable<Manifest> Load(string file)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(file))
        {
            stream.Load(reader);
        }
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().Select(root => new Manifest(file, root)).ToList();
    }

    private static List<string> YamlFiles() =>
        Directory.Exists(K8sDir)
            ? Directory.EnumerateFiles(K8sDir, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList()
            : [];

    private static string Rel(string file) => Path.GetRelativePath(RepoRoot, file);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GxProtocol.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("GxProtocol.sln not found above " + AppContext.BaseDirectory);
    }
}
