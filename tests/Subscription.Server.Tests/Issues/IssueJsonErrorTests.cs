using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Issues;

/// <summary>Uploads the serialized sample with one thing broken: each error names the line of what is wrong.</summary>
public sealed class IssueJsonErrorTests
{
    private static readonly Issue Sample = IssueAssert.Parsed(SampleIssue.Text);
    private static readonly string SampleJson = IssueJson.Serialize(Sample);

    [Fact]
    public void Parse_MalformedJson_ReportsTheLineOfTheFault()
    {
        var json = SampleJson.Replace("\"numberInYear\": 22,", "\"numberInYear\": 22", StringComparison.Ordinal);

        IssueAssert.Errors(IssueJson.Parse(json), (JsonLine.Of(json, "\"date\""), "Malformed JSON"));
    }

    [Theory]
    [InlineData("", 1, "Malformed JSON")]
    [InlineData("null", 1, "Expected an issue object")]
    [InlineData("[]", 1, "Expected an issue object")]
    [InlineData("{\n  \"number\": \"many\"\n}", 2, "At $.number: the value is not of the expected type")]
    [InlineData("{\n\n  \"articles\": [\n    {\"page\": 1.5}\n  ]\n}", 4, "At $.articles[0].page")]
    public void Parse_NotAnIssueObject_ReportsALine(string json, int line, string fragment) =>
        IssueAssert.Errors(IssueJson.Parse(json), (line, fragment));

    [Fact]
    public void Parse_UnpairedSurrogate_ReportsInsteadOfThrowing() =>
        IssueAssert.Errors(IssueJson.Parse("{\"headline\": \"" + (char)0xD800 + "\"}"), (0, "not valid Unicode"));

    [Theory]
    [InlineData("headline")]
    [InlineData("date")]
    [InlineData("sections")]
    [InlineData("number")]
    public void Parse_MissingTopLevelField_ReportsTheRootLine(string field)
    {
        var json = JsonLine.WithoutProperty(SampleJson, field);
        IssueAssert.Errors(IssueJson.Parse(json), (1, $"\"{field}\" is required"));
    }

    [Fact]
    public void Parse_ArticleWithoutTitle_ReportsTheArticleLine()
    {
        var titleLine = JsonLine.Of(SampleJson, "\"title\": \"《成都市数据条例》发布\"");
        var json = JsonLine.Without(SampleJson, titleLine);

        IssueAssert.Errors(IssueJson.Parse(json), (titleLine - 3, "articles[3].title is required"));
    }

    [Fact]
    public void Parse_UnknownSection_ReportsTheSectionLine()
    {
        var line = JsonLine.Of(SampleJson, "\"section\": \"数谷动态\"");
        var json = JsonLine.Replace(SampleJson, line, "      \"section\": \"未知栏目\",");

        IssueAssert.Errors(IssueJson.Parse(json), (line, "'未知栏目' is not one of \"sections\""));
    }

    [Theory]
    [InlineData("\"ftp://www.mofcom.gov.cn/a.shtml\"")]
    [InlineData("\"www.mofcom.gov.cn/a.shtml\"")]
    [InlineData("\"\"")]
    public void Parse_BadUrl_ReportsTheUrlLine(string url)
    {
        var line = JsonLine.Of(SampleJson, $"\"url\": \"{Sample.Articles[0].Url}\"");
        var json = JsonLine.Replace(SampleJson, line, $"      \"url\": {url},");

        IssueAssert.Errors(IssueJson.Parse(json), (line, "articles[0].url must be null or an absolute http(s) URL"));
    }

    [Fact]
    public void Parse_DuplicateTitles_ReportsTheSecondTitleLine()
    {
        var line = JsonLine.Of(SampleJson, $"\"title\": \"{Sample.Articles[1].Title}\"");
        var json = JsonLine.Replace(SampleJson, line, $"      \"title\": \"{Sample.Articles[0].Title}\",");

        IssueAssert.Errors(IssueJson.Parse(json), (line, "also the title of articles[0]"));
    }

    [Theory]
    [InlineData("\"number\": 185,", "\"number\": 0,", "\"number\" must be a positive integer")]
    [InlineData("\"numberInYear\": 22,", "\"numberInYear\": -1,", "\"numberInYear\" must be a positive integer")]
    [InlineData("\"date\": \"2024-06-17\",", "\"date\": \"2024-06-31\",", "calendar date")]
    [InlineData("\"headline\": \"商务部", "\"headline\": \" \",\"x\": \"商务部", "\"headline\" must not be empty")]
    [InlineData("\"page\": 20,", "\"page\": 0,", "articles[14].page must be a positive integer")]
    public void Parse_InvalidValue_ReportsItsLine(string old, string replacement, string fragment)
    {
        var line = JsonLine.Of(SampleJson, old);
        var json = SampleIssue.ReplaceOnce(SampleJson, old, replacement);

        var result = IssueJson.Parse(json);

        IssueAssert.Errors(result, (line, fragment));
    }

    [Fact]
    public void Parse_DuplicateSection_ReportsTheSecondOne()
    {
        var line = JsonLine.Of(SampleJson, "\"数谷动态\"");
        var json = JsonLine.Replace(SampleJson, line, "    \"数谷动态\",\n    \"数谷动态\"");

        IssueAssert.Errors(IssueJson.Parse(json), (line + 1, "'数谷动态' is listed twice"));
    }

    [Fact]
    public void Parse_EmptyParagraphsAndSections_ReportsEach()
    {
        var json = IssueJson.Serialize(Sample with
        {
            Sections = [],
            Articles = [Sample.Articles[0] with { Paragraphs = [] }, Sample.Articles[1] with { Paragraphs = ["一段。", " "] }],
        });

        IssueAssert.Errors(IssueJson.Parse(json),
            (JsonLine.Of(json, "\"sections\""), "\"sections\" must not be empty"),
            (JsonLine.Of(json, "\"paragraphs\": []"), "articles[0].paragraphs must not be empty"),
            (JsonLine.Of(json, "\"paragraphs\": [", 2), "articles[1].paragraphs[1] must not be empty"));
    }
}
