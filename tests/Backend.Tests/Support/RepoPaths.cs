namespace GxProtocol.Backend.Tests.Support;

/// <summary>The repository checkout the tests were built from (for deploy files and scripts).</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
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
