using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace GxProtocol.Backend.Tests.Deployment;

/// <summary>
/// <c>kubectl kustomize DIR</c>: the manifests exactly as <c>kubectl apply -k</c> would send them. ./test.sh installs
/// kubectl with apt-get when it is missing.
/// </summary>
public static class Kustomize
{
    public static List<YamlMappingNode> Build(string directory)
    {
        Support.FastRun.Refuse("runs kubectl", "Deployment");
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("kubectl is not installed; ./test.sh installs it (apt-get install kubectl).", missing);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl kustomize {directory} did not finish within 60 s");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize {directory} failed ({process.ExitCode}):\n{stderr.Result}");
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(output));
            return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
        }
    }
}
