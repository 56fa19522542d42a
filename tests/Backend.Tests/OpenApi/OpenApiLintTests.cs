using GxProtocol.Backend.Tests.Services;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>
/// An independent OpenAPI linter (Redocly CLI, recommended rules, configured by OpenApi/redocly.yaml) accepts the
/// seven documents as the services serve them: every operation summarised, anonymous operations with an explicit
/// <c>security: []</c>, servers without a trailing slash. ./test.sh installs the pinned CLI.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
[Collection(ServicesCollection.Name)]
public sealed class OpenApiLintTests(ServicesBackend backend)
{
    [Fact]
    public async Task The_seven_documents_pass_the_linters_recommended_rules()
    {
        using var anonymous = backend.Anonymous();
        var documents = await ServiceDocument.FetchAllAsync(anonymous);
        var folder = Directory.CreateTempSubdirectory("gx-openapi-lint-");
        try
        {
            var files = new List<string>();
            foreach (var document in documents)
            {
                var file = Path.Combine(folder.FullName, $"{document.Service}.json");
                await File.WriteAllTextAsync(file, document.Root.ToJsonString());
                files.Add(file);
            }

            var run = await ToolRun.RunAsync(Redocly,
                ["lint", "--config", Path.Combine(RepoPaths.Root, "tests", "Backend.Tests", "OpenApi", "redocly.yaml"),
                    "--format", "stylish", "--max-problems", "500", .. files],
                // No usage reports or update checks: the tests reach no network beyond 127.0.0.1.
                environment: new Dictionary<string, string>
                {
                    ["REDOCLY_TELEMETRY"] = "off",
                    ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
                    ["NO_COLOR"] = "1",
                },
                timeout: TimeSpan.FromMinutes(3));

            Assert.True(run.ExitCode == 0, $"redocly lint exited {run.ExitCode}:\n{run.Output}");
            // Warnings do not change the exit code; the configuration turns off what does not fit, so none may remain.
            Assert.DoesNotMatch(@"\d+:\d+\s+warning\s", run.Output);
            Assert.Equal(documents.Count, files.Count(file => run.Output.Contains(Path.GetFileName(file), StringComparison.Ordinal)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Redocly =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(dir => Path.Combine(dir, "redocly")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("redocly is not installed; ./test.sh installs it (npm install -g @redocly/cli).");
}
