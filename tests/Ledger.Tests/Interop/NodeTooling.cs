using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace GxProtocol.Ledger.Tests.Interop;

/// <summary>
/// Node.js and npm for the interop tests: finds them on PATH (a missing tool is a test failure, not a skip: the machines
/// these tests run on have both), installs the pinned packages of an interop folder once, and runs scripts with a timeout.
/// </summary>
internal static class NodeTooling
{
    private const string InstallStampFile = ".gx-install-stamp";
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public sealed record Run(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed);

    /// <summary>The repository folder <paramref name="relativePath"/>, found by walking up from the test assembly.</summary>
    public static string RepositoryFolder(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, relativePath);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"'{relativePath}' was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The full path of <paramref name="tool"/> on PATH; fails the test, naming the tool, when it is missing.</summary>
    public static string Require(string tool)
    {
        string[] names = OperatingSystem.IsWindows() ? [tool + ".exe", tool + ".cmd"] : [tool];
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail($"The '{tool}' command is not on PATH. The Fabric Gateway interop tests need Node.js 20+ and npm " +
                "(https://nodejs.org); install them on this machine rather than skipping the tests.");
        }
        return found!;
    }

    /// <summary>
    /// <c>npm ci</c> into <paramref name="folder"/> unless its node_modules came from the same package.json and
    /// package-lock.json and .npmrc (a stamp with their hash is written after a successful install; <c>npm ci</c> removes
    /// it first).
    /// Returns the install time, or null when the install was skipped.
    /// </summary>
    public static async Task<TimeSpan?> EnsureInstalledAsync(string folder, TimeSpan timeout)
    {
        string stampPath = Path.Combine(folder, "node_modules", InstallStampFile);
        string wanted = ManifestHash(folder);
        await InstallGate.WaitAsync();
        try
        {
            if (File.Exists(stampPath) && await File.ReadAllTextAsync(stampPath) == wanted)
            {
                return null;
            }
            var install = await RunAsync(Require("npm"), ["ci", "--no-audit", "--no-fund"], folder, new Dictionary<string, string>(), timeout);
            if (install.ExitCode != 0)
            {
                Assert.Fail($"npm ci in {folder} failed with exit code {install.ExitCode}:\n{install.StandardError}\n{install.StandardOutput}");
            }
            await File.WriteAllTextAsync(stampPath, wanted);
            return install.Elapsed;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>Runs a process to completion; on timeout the whole process tree is killed and the test fails.</summary>
    public static async Task<Run> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.\n" +
                $"stdout:\n{await standardOutput}\nstderr:\n{await standardError}");
        }
        return new Run(process.ExitCode, await standardOutput, await standardError, stopwatch.Elapsed);
    }

    private static string ManifestHash(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in new[] { "package.json", "package-lock.json", ".npmrc" })
        {
            string path = Path.Combine(folder, file);
            hash.AppendData(File.Exists(path) ? File.ReadAllBytes(path) : []);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
