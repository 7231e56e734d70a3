using System.Text.Json;
using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Issues;

public sealed class IssueJsonTests
{
    private static readonly Issue Sample = IssueAssert.Parsed(SampleIssue.Text);
    private static readonly string SampleJson = IssueJson.Serialize(Sample);

    [Fact]
    public void Serialize_Sample_WritesTheAgreedShape()
    {
        using var document = JsonDocument.Parse(SampleJson);
        var root = document.RootElement;

        Assert.Equal(["number", "numberInYear", "date", "headline", "sections", "articles"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(185, root.GetProperty("number").GetInt32());
        Assert.Equal(22, root.GetProperty("numberInYear").GetInt32());
        Assert.Equal("2024-06-17", root.GetProperty("date").GetString());
        Assert.Equal(4, root.GetProperty("sections").GetArrayLength());
        var last = root.GetProperty("articles")[14];
        Assert.Equal(["section", "page", "title", "source", "url", "paragraphs", "summary"], last.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("url").ValueKind);
        Assert.Equal(20, last.GetProperty("page").GetInt32());
    }

    [Fact]
    public void Serialize_Sample_WritesChineseLiterally()
    {
        Assert.Contains("\"headline\": \"商务部等9部门发布关于拓展跨境电商出口 推进海外仓建设的意见\"", SampleJson, StringComparison.Ordinal);
        Assert.Contains("“天极智库”", SampleJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", SampleJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SerializedSample_RoundTripsToAnEqualIssue()
    {
        var result = IssueJson.Parse(SampleJson);

        Assert.Empty(result.Errors);
        IssueAssert.Equal(Sample, result.Issue!);
    }

    [Fact]
    public void Parse_CompactJsonWithABom_ReadsTheSameIssue()
    {
        var compact = JsonSerializer.Serialize(Sample, IssueJsonContext.Default.Issue);
        IssueAssert.Equal(Sample, IssueJson.Parse("\uFEFF" + compact).Issue!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_MissingSummary_ComputesIt(string? summary)
    {
        var json = SampleJson.Replace($"\"summary\": \"{Sample.Articles[1].Summary}\"", $"\"summary\": {JsonSerializer.Serialize(summary)}", StringComparison.Ordinal);
        json = json.Replace($",\n      \"summary\": \"{Sample.Articles[2].Summary}\"", "", StringComparison.Ordinal);

        Assert.Equal(14, json.Split("\"summary\":").Length - 1);
        var issue = IssueJson.Parse(json).Issue!;

        Assert.Equal(Sample.Articles[1].Summary, issue.Articles[1].Summary);
        Assert.Equal(Sample.Articles[2].Summary, issue.Articles[2].Summary);
    }
}
