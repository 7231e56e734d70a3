namespace Subscription.Benchmarks;

/// <summary>Finds the server build and the dotnet host that runs it.</summary>
public static class ServerLocator
{
    private const string BuildHint = "Build it first: dotnet build src/Subscription.Server -c Release";

    /// <summary>
    /// The server's output folder mirrors this program's (bin/Release/net10.0 under its project folder),
    /// so a Release benchmark runs a Release server.
    /// </summary>
    public static string FindServerDll(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new BenchmarkException($"Server not found at {explicitPath}. {BuildHint}");
        }

        var output = AppContext.BaseDirectory;
        var root = FindRepositoryRoot(output)
            ?? throw new BenchmarkException($"Cannot find the repository (Subscription.sln) above {output}; pass --server <dll>.");
        var ownProject = Path.Combine(root, "tests", "Subscription.Benchmarks");
        var relativeOutput = Path.GetRelativePath(ownProject, output);
        if (relativeOutput.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relativeOutput))
        {
            relativeOutput = Path.Combine("bin", "Release", "net10.0");
        }

        var dll = Path.GetFullPath(Path.Combine(root, "src", "Subscription.Server", relativeOutput, "Subscription.Server.dll"));
        return File.Exists(dll) ? dll : throw new BenchmarkException($"Server not found at {dll}. {BuildHint}");
    }

    /// <summary>The dotnet host running this program when known, else "dotnet" from PATH.</summary>
    public static string FindDotnetHost()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Subscription.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
