using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Issues;

/// <summary>Broken variants of the sample: each error carries the line where it shows.</summary>
public sealed class IssueTextParserErrorTests
{
    private static readonly int Header = SampleIssue.LineOf("2024年6月17日 第22期 总第185期");
    private static readonly int BeijingEntry = SampleIssue.LineOf("- 04 北京发布关于加强本市数据资产管理的通知");
    private static readonly int BeijingTitle = SampleIssue.BodyTitleLine("北京发布关于加强本市数据资产管理的通知");

    private static IssueParseResult Parse(string text) => IssueTextParser.Parse(text);

    [Theory]
    [InlineData("2024年6月17日 第22期", "(总第N期)")]
    [InlineData("2024年6月17日 总第185期", "(第N期)")]
    [InlineData("第22期 总第185期", "no date")]
    [InlineData("2024年2月30日 第22期 总第185期", "not a calendar date")]
    [InlineData("2024年6月17日 第22期 总第0期", "out of range")]
    public void Parse_HeaderPartMissingOrWrong_ReportsTheHeaderLine(string header, string fragment) =>
        IssueAssert.Errors(Parse(SampleIssue.WithLine(Header, header)), (Header, fragment));

    [Fact]
    public void Parse_NoHeaderAnywhere_ReportsEachPartAtLineOne()
    {
        var text = SampleIssue.WithLine(Header, "");
        text = text.Replace("2024年6月17日\n", "\n", StringComparison.Ordinal).Replace("第22期 总第185期\n", "\n", StringComparison.Ordinal);

        IssueAssert.Errors(Parse(text), (1, "(总第N期)"), (1, "(第N期)"), (1, "no date"));
    }

    [Fact]
    public void Parse_NoTableOfContents_ReportsTheHeaderLine() =>
        IssueAssert.Errors(Parse(SampleIssue.WithLine(SampleIssue.LineOf("本期要目"), "本期内容")), (Header, "本期要目"));

    [Fact]
    public void Parse_EmptyText_ReportsEverythingAtLineOne() =>
        IssueAssert.Errors(Parse(""), (1, "(总第N期)"), (1, "(第N期)"), (1, "no date"), (1, "本期要目"));

    [Fact]
    public void Parse_TableOfContentsWithoutEntries_ReportsItsLine()
    {
        var marker = SampleIssue.LineOf("本期要目");
        IssueAssert.Errors(Parse(string.Join('\n', SampleIssue.Lines()[..marker])), (marker, "lists no articles"));
    }

    [Fact]
    public void Parse_ArticleTitleMissingFromTheBody_ReportsItsTableOfContentsLine() =>
        IssueAssert.Errors(Parse(SampleIssue.WithLine(BeijingTitle, "")), (BeijingEntry, "北京发布关于加强本市数据资产管理的通知"));

    [Fact]
    public void Parse_EntryWithoutABody_ReportsItsLine()
    {
        var entry = SampleIssue.LineOf("- 12 青岛公布海洋人工智能大模型产业集聚区建设实施方案") + 1;
        IssueAssert.Errors(Parse(SampleIssue.WithLinesBefore(entry, "- 13 不存在的文章")), (entry, "不存在的文章"));
    }

    [Fact]
    public void Parse_SectionWithoutEntries_ReportsTheSectionLine()
    {
        var section = SampleIssue.LineOf("产业前沿");
        IssueAssert.Errors(Parse(SampleIssue.WithLinesBefore(section, "空栏目", "")), (section, "'空栏目' has no entries"));
    }

    [Fact]
    public void Parse_DuplicateTitle_ReportsTheSecondEntry()
    {
        var second = SampleIssue.LineOf("- 02 《海洋数据开放共享目录》和海洋云发布");
        var text = SampleIssue.WithLine(second, "- 02 商务部等9部门发布关于拓展跨境电商出口推进海外仓建设的意见");

        IssueAssert.Errors(Parse(text), (second, "listed twice"));
    }

    [Theory]
    [InlineData("- 0x 北京发布关于加强本市数据资产管理的通知", "not a positive number: '0x'")]
    [InlineData("- 00 北京发布关于加强本市数据资产管理的通知", "not a positive number: '00'")]
    [InlineData("- 北京发布关于加强本市数据资产管理的通知", "no page number")]
    [InlineData("- 04", "no title")]
    public void Parse_BadTableOfContentsEntry_ReportsItsLine(string entry, string fragment)
    {
        var result = Parse(SampleIssue.WithLine(BeijingEntry, entry));

        // Without a title the entry cannot claim its body, which then runs on in the previous article.
        IssueAssert.Errors(result, (BeijingEntry, fragment));
    }

    [Fact]
    public void Parse_EntriesBeforeAnySection_ReportsEachEntry()
    {
        var first = SampleIssue.LineOf("- 01 商务部等9部门发布关于拓展跨境电商出口推进海外仓建设的意见");
        var text = SampleIssue.WithLine(SampleIssue.LineOf("国策要论"), "");

        IssueAssert.Errors(Parse(text), (first, "before any section"), (first + 1, "before any section"));
    }

    [Fact]
    public void Parse_ArticleWithoutText_ReportsItsTitleLine()
    {
        var lines = SampleIssue.Lines();
        var link = SampleIssue.LineOf("原文链接：https://czj.beijing.gov.cn/zwx/tztg/202406/t20240611_3709724.html");
        for (var i = BeijingTitle; i < link - 1; i++)
        {
            lines[i] = "";
        }

        IssueAssert.Errors(Parse(string.Join('\n', lines)), (BeijingTitle, "has no text"));
    }

    [Theory]
    [InlineData("原文链接：www.beijing.gov.cn", "not an absolute http(s) URL")]
    [InlineData("原文链接：ftp://czj.beijing.gov.cn/a.html", "not an absolute http(s) URL")]
    [InlineData("原文链接：", "no URL")]
    public void Parse_BadLink_ReportsItsLine(string replacement, string fragment)
    {
        var link = SampleIssue.LineOf("原文链接：https://czj.beijing.gov.cn/zwx/tztg/202406/t20240611_3709724.html");
        IssueAssert.Errors(Parse(SampleIssue.WithLine(link, replacement)), (link, fragment));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllInLineOrder()
    {
        var text = SampleIssue.WithLine(Header, "第22期 总第185期");
        text = SampleIssue.ReplaceOnce(text, "- 04 北京", "- 0x 北京");
        text = SampleIssue.ReplaceOnce(text, "\n《成都市数据条例》发布\n", "\n\n");

        IssueAssert.Errors(Parse(text), (Header, "no date"), (BeijingEntry, "'0x'"), (BeijingEntry + 1, "《成都市数据条例》发布"));
    }

    [Fact]
    public void Parse_TruncatedOrGarbledText_NeverThrows()
    {
        var text = SampleIssue.Text;
        for (var cut = 0; cut < text.Length; cut += 97)
        {
            foreach (var variant in new[] { text[..cut], text[cut..], text.Remove(cut, Math.Min(500, text.Length - cut)) })
            {
                var result = Parse(variant);
                Assert.True(result.Succeeded != (result.Errors.Count > 0));
                Assert.All(result.Errors, e => Assert.InRange(e.Line, 1, variant.Split('\n').Length));
            }
        }
    }
}
