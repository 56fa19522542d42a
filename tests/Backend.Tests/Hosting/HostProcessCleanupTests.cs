using System.Diagnostics;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Hosting;

/// <summary>Issue 10 point 14: a fixture whose start-up fails leaves no process behind.</summary>
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class HostProcessCleanupTests
{
    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [Fact]
    public async Task When_one_host_fails_to_start_the_hosts_that_did_start_are_killed_before_the_failure_is_reported()
    {
        var started = new List<int>();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAllAsync(
            [
                () => HostProcess.StartSiloAsync(new Dictionary<string, string>()),
                () => HostProcess.StartSiloAsync(new Dictionary<string, string> { ["Gx:Host:ApiPort"] = "70000" }),
            ],
            host => started.Add(host.ProcessId)));

        Assert.Contains("exited with code 2", failure.Message);
        var survivor = Assert.Single(started);
        Assert.False(IsRunning(survivor), $"process {survivor} is still running after the failed start");
    }
}
