using System.Reflection;
using System.Text.RegularExpressions;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Deployment;

/// <summary>
/// README.md's configuration table names every key the product reads: each options class's keys (its section constant
/// with each settable property; nested classes as sub-sections, lists as <c>:N</c>) and every <c>"Gx:…"</c> key
/// written as a constant or a literal in src/. The table may group keys of one section in a row (<c>`Gx:Host:ApiPort` / `OpsPort`</c>):
/// a key counts as listed when a row names a key of its section and every further part of its name.
/// </summary>
public sealed partial class ConfigurationKeysDocumentedTests
{
    private static readonly string[] ProductAssemblies =
        ["GxProtocol.ApiFrontends", "GxProtocol.Silo", "GxProtocol.Grains", "GxProtocol.Fabric", "GxProtocol.DevLedger"];

    [Fact]
    public void Every_key_the_product_reads_is_in_the_README_configuration_table()
    {
        var rows = ReadmeRows();
        var missing = ProductKeys().Where(key => !rows.Any(row => row.Lists(key))).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "README.md's configuration table lacks:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void The_scan_sees_options_properties_nested_sections_lists_and_literal_keys()
    {
        var keys = ProductKeys();

        Assert.Contains("Gx:Host:GatewayPort", keys);
        Assert.Contains("Gx:RateLimiting:WriteBurst", keys);
        Assert.Contains("Gx:ForwardedHeaders:KnownProxies:N", keys);
        Assert.Contains("Gx:Mail:Smtp:Host", keys);
        Assert.Contains("Gx:Service", keys);
        Assert.Contains("ConnectionStrings:Postgres", keys);
        Assert.Contains("Gx:Telemetry:Tracing", keys);
        Assert.DoesNotContain("Gx:Telemetry:Enabled", keys);
        Assert.False(new ReadmeRow(["Gx:Host:ApiPort", "OpsPort"]).Lists("Gx:Host:SiloPort"));
        Assert.True(new ReadmeRow(["Gx:Host:ApiPort", "OpsPort"]).Lists("Gx:Host:OpsPort"));
    }

    private static HashSet<string> ProductKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var sections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in ProductAssemblies.SelectMany(name => Assembly.Load(name).GetTypes()))
        {
            var field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
            if (field is { IsLiteral: true } && field.GetRawConstantValue() is string section && section.StartsWith("Gx:", StringComparison.Ordinal))
            {
                sections.Add(section);
                AddKeys(type, section, keys, depth: 0);
            }
        }

        var literals = new List<string>();
        // Constants give keys built from other constants (SectionName + ":Tracing"); the source text gives inline ones.
        foreach (var type in ProductAssemblies.SelectMany(name => Assembly.Load(name).GetTypes()))
        {
            foreach (var constant in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (constant is { IsLiteral: true } && constant.GetRawConstantValue() is string value && KeyText().IsMatch(value))
                {
                    literals.Add(value);
                }
            }
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            {
                continue;
            }
            literals.AddRange(KeyLiteral().Matches(File.ReadAllText(file)).Select(literal => literal.Groups["key"].Value));
        }
        foreach (var key in literals)
        {
            // A section name (Gx:Host, Gx:Documents:ClamAv) is no key of its own.
            if (!sections.Contains(key) && !keys.Any(known => known.StartsWith(key + ":", StringComparison.Ordinal)))
            {
                keys.Add(key);
            }
        }
        return keys;
    }

    private static void AddKeys(Type type, string prefix, HashSet<string> keys, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Init-only properties belong to settings records read by hand (GxTracingSettings), not bound from a
            // section: their keys are constants, which the literal scan below covers.
            if (property.SetMethod is not { IsPublic: true } setter
                || setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            {
                continue;
            }
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var key = $"{prefix}:{property.Name}";
            if (IsScalar(propertyType))
            {
                keys.Add(key);
            }
            else if (propertyType.IsArray || typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                keys.Add($"{key}:N");
            }
            else if (depth < 4)
            {
                AddKeys(propertyType, key, keys, depth + 1);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(Uri) || type == typeof(Guid) || type == typeof(DateTimeOffset);

    private static List<ReadmeRow> ReadmeRows()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("\n## Configuration", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Configuration' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        return section.Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => new ReadmeRow(Code().Matches(line.Split(" | ")[0]).Select(m => m.Groups[1].Value).ToList()))
            .ToList();
    }

    /// <summary>The first cell of a table row: full keys (<c>Gx:Host:ApiPort</c>) and shortened ones (<c>OpsPort</c>, <c>…:ChunkBytes</c>).</summary>
    private sealed record ReadmeRow(IReadOnlyList<string> Names)
    {
        private IEnumerable<string> Parts => Names.SelectMany(name => name.Split(':')).Select(part => part.Trim('…', ' ', '/'));

        public bool Lists(string key)
        {
            var parts = key.Split(':');
            var section = $"{parts[0]}:{parts[1]}";
            if (parts.Length == 2)
            {
                return Names.Contains(key);
            }
            return Names.Any(name => name.StartsWith(section + ":", StringComparison.Ordinal)) && parts.Skip(2).All(Parts.Contains);
        }
    }

    [GeneratedRegex("\"(?<key>(?:Gx|ConnectionStrings):[A-Za-z0-9]+(?::[A-Za-z0-9]+)*)\"")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex("^(?:Gx|ConnectionStrings):[A-Za-z0-9]+(?::[A-Za-z0-9]+)*$")]
    private static partial Regex KeyText();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
