namespace Subscription.Server.Tests.Infrastructure;

/// <summary>The sample issue shipped in config/samples (copied next to the tests).</summary>
public static class SampleIssueText
{
    public static string Read() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "samples", "issue-185.txt"));
}
