using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Journey;

/// <summary>
/// postman/gx-protocol.postman_collection.json, run by newman (./test.sh installs it with npm) against a fresh
/// embedded default: every request of the journey and of each service runs, and every test in it passes.
/// </summary>
[Trait("Category", "Process")]
[Trait("Category", "Slow")]
[Trait("Category", "Journey")]
public sealed class PostmanCollectionTests
{
    private const string AdminEmail = "root@gx.local";
    private const string AdminPassword = "root password 1";

    [Fact]
    public async Task The_postman_collection_passes_against_the_embedded_default()
    {
        await using var silo = await HostProcess.StartSiloAsync(new Dictionary<string, string>
        {
            ["Gx:Bootstrap:SuperAdminEmail"] = AdminEmail,
            ["Gx:Bootstrap:SuperAdminPassword"] = AdminPassword,
        });
        var folder = Path.Combine(RepoPaths.Root, "postman");
        var collectionPath = Path.Combine(folder, "gx-protocol.postman_collection.json");
        var report = Path.Combine(Path.GetTempPath(), $"gx-newman-{Guid.NewGuid():N}.json");
        try
        {
            var run = await ToolRun.RunAsync(Newman, ["run", collectionPath,
                "-e", Path.Combine(folder, "gx-embedded.postman_environment.json"),
                "--env-var", $"baseUrl={silo.ApiBase.ToString().TrimEnd('/')}",
                "--env-var", $"adminEmail={AdminEmail}", "--env-var", $"adminPassword={AdminPassword}",
                "--reporters", "cli,json", "--reporter-json-export", report, "--disable-unicode", "--color", "off"],
                timeout: TimeSpan.FromMinutes(3));
            Assert.True(run.ExitCode == 0, $"newman exited {run.ExitCode}:\n{run.Output}");

            var result = JsonNode.Parse(File.ReadAllText(report))!["run"]!;
            Assert.Empty(result["failures"]!.AsArray());
            Assert.True(result["stats"]!["assertions"]!["total"]!.GetValue<int>() > 0, "newman ran no assertion");
            var executed = result["executions"]!.AsArray().Select(e => e!["item"]!["name"]!.GetValue<string>()).ToHashSet();
            var named = AllItemNames(JsonNode.Parse(File.ReadAllText(collectionPath))!["item"]!.AsArray()).ToList();
            Assert.True(named.Count >= 30, $"the collection lost requests: {named.Count}");
            var notRun = named.Where(n => !executed.Contains(n)).ToList();
            Assert.True(notRun.Count == 0, "requests newman did not run: " + string.Join(", ", notRun));
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static string Newman =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(dir => Path.Combine(dir, "newman")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("newman is not installed; ./test.sh installs it (npm install -g newman).");

    private static IEnumerable<string> AllItemNames(JsonArray items) =>
        items.SelectMany(item => item!["item"] is JsonArray children ? AllItemNames(children) : [item["name"]!.GetValue<string>()]);
}
