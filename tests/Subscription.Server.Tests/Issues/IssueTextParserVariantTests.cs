using System.Text.RegularExpressions;
using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Issues;

/// <summary>What real exports do to the same issue, each derived from the sample by a string transformation.</summary>
public sealed class IssueTextParserVariantTests
{
    private static readonly Issue Sample = IssueAssert.Parsed(SampleIssue.Text);

    private const string Jiangxi = "江西印发工业领域数据安全能力提升实施方案";

    private static void ParsesLikeTheSample(string variant) => IssueAssert.Equal(Sample, IssueAssert.Parsed(variant));

    [Fact]
    public void Parse_CrlfLineEndings_ReadsTheSameIssue() => ParsesLikeTheSample(SampleIssue.Text.ReplaceLineEndings("\r\n"));

    [Fact]
    public void Parse_ByteOrderMarkTrailingSpacesAndExtraBlankLines_ReadsTheSameIssue() =>
        ParsesLikeTheSample("\uFEFF" + string.Join("\n", SampleIssue.Lines().Select(l => l + "  \t\n\u3000")));

    [Fact]
    public void Parse_HalfWidthSourceAndLinkPunctuation_ReadsTheSameIssue()
    {
        var text = Regex.Replace(SampleIssue.Text, "（来源：(.*?)）$", "(来源:$1)", RegexOptions.Multiline);
        text = text.Replace("原文链接：", "原文链接:", StringComparison.Ordinal);
        Assert.DoesNotContain("（来源", text, StringComparison.Ordinal);

        ParsesLikeTheSample(text);
    }

    [Fact]
    public void Parse_LinksWithoutAngleBrackets_ReadsTheSameIssue()
    {
        var text = Regex.Replace(SampleIssue.Text, "<(https?://[^>]+)>", "$1");
        Assert.DoesNotContain("<http", text, StringComparison.Ordinal);

        ParsesLikeTheSample(text);
    }

    [Fact]
    public void Parse_EveryLinkInAngleBrackets_ReadsTheSameIssue() =>
        ParsesLikeTheSample(Regex.Replace(SampleIssue.Text, @"(原文链接[：:]\s*)(https?://\S+)$", "$1<$2>", RegexOptions.Multiline));

    [Theory]
    [InlineData("江西印发工业领域\n数据安全能力提升实施方案")]
    [InlineData("江西印发工业领域\n\n数据安全能力提升实施方案")]
    [InlineData("江西印发工业领域\n\n\n\n数据安全能力提升实施方案")]
    [InlineData("江西 印发 工业领域　数据安全 能力提升实施方案")]
    [InlineData("**江西印发工业领域数据安全能力提升实施方案**")]
    public void Parse_BodyTitlePrintedDifferently_MatchesTheTableOfContentsTitle(string printed)
    {
        var issue = IssueAssert.Parsed(SampleIssue.WithLine(SampleIssue.BodyTitleLine(Jiangxi), printed));

        IssueAssert.Equal(Sample, issue);
        Assert.Equal(Jiangxi, issue.Articles[4].Title);
    }

    [Fact]
    public void Parse_TableOfContentsTitleWithFullWidthSpaces_KeepsItsTitleAndFindsTheBody()
    {
        var tocLine = SampleIssue.LineOf("- 06 " + Jiangxi);
        var issue = IssueAssert.Parsed(SampleIssue.WithLine(tocLine, "- 06 江西印发工业领域　数据安全能力提升实施方案"));

        Assert.Equal("江西印发工业领域 数据安全能力提升实施方案", issue.Articles[4].Title);
        Assert.Equal(Sample.Articles[4].Paragraphs, issue.Articles[4].Paragraphs);
    }

    [Fact]
    public void Parse_BoldAndListMarkersInTheBody_KeepsTheTextWithoutTheMarkers()
    {
        var first = SampleIssue.LineOf(Sample.Articles[2].Paragraphs[2]);
        var text = SampleIssue.WithLine(first, "* " + Sample.Articles[2].Paragraphs[2].Replace("一是", "**一是**", StringComparison.Ordinal));
        text = SampleIssue.ReplaceOnce(text, "\n" + Sample.Articles[2].Paragraphs[3], "\n1. " + Sample.Articles[2].Paragraphs[3]);

        ParsesLikeTheSample(text);
    }

    [Fact]
    public void Parse_ArticleWithoutLink_HasNoUrl()
    {
        var line = SampleIssue.LineOf("原文链接：" + Sample.Articles[2].Url);
        var issue = IssueAssert.Parsed(SampleIssue.WithLine(line, ""));

        Assert.Null(issue.Articles[2].Url);
        Assert.Equal(Sample.Articles[2].Paragraphs, issue.Articles[2].Paragraphs);
        Assert.Equal(Sample.Articles[3].Url, issue.Articles[3].Url);
    }

    [Fact]
    public void Parse_ArticleWithoutSource_HasNoSourceAndTheSameText()
    {
        var issue = IssueAssert.Parsed(SampleIssue.ReplaceOnce(SampleIssue.Text, "（来源：北京市财政局）", ""));

        Assert.Null(issue.Articles[2].Source);
        Assert.Equal(Sample.Articles[2].Paragraphs, issue.Articles[2].Paragraphs);
    }

    [Fact]
    public void Parse_SourceOnItsOwnLine_IsTakenAsTheSource() =>
        ParsesLikeTheSample(SampleIssue.ReplaceOnce(SampleIssue.Text, "（来源：北京市财政局）", "\n\n（来源：北京市财政局）"));

    [Fact]
    public void Parse_PageBreakWithoutBlankLine_StillRejoins() =>
        ParsesLikeTheSample(SampleIssue.ReplaceOnce(SampleIssue.Text, "数据安全\n\n管理水平", "数据安全\n管理水平"));
}
