using System.Globalization;
using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Issues;

/// <summary>Issue 185 as exported: the exact structure the parser must find in it.</summary>
public sealed class IssueTextParserSampleTests
{
    private static readonly (string Section, int Page, string Title)[] Contents =
    [
        ("国策要论", 1, "商务部等9部门发布关于拓展跨境电商出口推进海外仓建设的意见"),
        ("国策要论", 2, "《海洋数据开放共享目录》和海洋云发布"),
        ("地方新政", 4, "北京发布关于加强本市数据资产管理的通知"),
        ("地方新政", 5, "《成都市数据条例》发布"),
        ("地方新政", 6, "江西印发工业领域数据安全能力提升实施方案"),
        ("地方新政", 7, "广西印发全区工业企业数字化转型工作方案"),
        ("地方新政", 8, "广西印发行动计划 加快制造业数字化转型 助力新型工业化发展"),
        ("地方新政", 9, "湖南发布2024年数据和政务服务管理工作要点"),
        ("地方新政", 10, "《内蒙古自治区公共数据管理暂行办法》印发"),
        ("地方新政", 11, "合肥发布支持中小企业数字化转型试点城市建设若干政策"),
        ("地方新政", 12, "青岛公布海洋人工智能大模型产业集聚区建设实施方案"),
        ("产业前沿", 14, "美国发布《犹他州人工智能政策法》"),
        ("产业前沿", 17, "美国云安全工作组发布《国家云网络信息流计划》"),
        ("数谷动态", 19, "《贵州省数据知识产权登记管理办法(征求意见稿)》公开征求意见"),
        ("数谷动态", 20, "2024年“数据要素×”大赛贵州分赛正式启动"),
    ];

    private static readonly Issue Sample = IssueAssert.Parsed(SampleIssue.Text);

    private static Article ArticleTitled(string start) => Sample.Articles.Single(a => a.Title.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void Parse_Sample_ReadsTheHeader()
    {
        Assert.Equal(185, Sample.Number);
        Assert.Equal(22, Sample.NumberInYear);
        Assert.Equal(new DateOnly(2024, 6, 17), Sample.Date);
        Assert.Equal("商务部等9部门发布关于拓展跨境电商出口 推进海外仓建设的意见", Sample.Headline);
    }

    [Fact]
    public void Parse_Sample_FindsFifteenArticlesInFourSections()
    {
        Assert.Equal(["国策要论", "地方新政", "产业前沿", "数谷动态"], Sample.Sections);
        Assert.Equal([2, 9, 2, 2], Sample.Sections.Select(s => Sample.Articles.Count(a => a.Section == s)));
        Assert.Equal(Contents, Sample.Articles.Select(a => (a.Section, a.Page, a.Title)));
    }

    [Theory]
    [InlineData("商务部等9部门", "商务部")]
    [InlineData("江西", "江西省工业和信息化")]
    [InlineData("广西印发行动计划", "广西壮族自治区工业和信息化厅")] // printed as (来源:…)
    [InlineData("美国云安全", "“天极智库”微信公众号")]
    [InlineData("2024年", "贵州省大数据发展管理局")]
    public void Parse_Sample_TakesTheSourceOutOfTheText(string title, string source)
    {
        var article = ArticleTitled(title);
        Assert.Equal(source, article.Source);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("来源", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Sample_EveryArticleHasASource() =>
        Assert.All(Sample.Articles, a => Assert.False(string.IsNullOrWhiteSpace(a.Source)));

    [Theory]
    [InlineData("商务部等9部门", "http://www.mofcom.gov.cn/article/zwgk/gkzcfb/202406/20240603515722.shtml")] // in <…>
    [InlineData("《海洋数据", "https://www.mnr.gov.cn/zt/hd/hyr/2024nhyxcr/tbgz/202406/t20240608_2847726.html")]
    [InlineData("广西印发行动计划", "http://gxt.gxzf.gov.cn/xxgk/xggh/gxgh_82327/t18517465.shtml")] // 原文链接: with a half-width colon
    [InlineData("美国云安全", "https://mp.weixin.qq.com/s/kgm0GQccvtzUvzMXAh9ImQ")]
    public void Parse_Sample_ReadsTheLink(string title, string url) => Assert.Equal(url, ArticleTitled(title).Url);

    [Fact]
    public void Parse_Sample_LastArticleHasNoLinkAndNoBackMatter()
    {
        var last = Sample.Articles[^1];
        Assert.Null(last.Url);
        Assert.Equal(14, Sample.Articles.Count(a => a.Url is not null));
        Assert.EndsWith("等50余家企业代表参加启动仪式。", last.Paragraphs[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(Sample.Articles.SelectMany(a => a.Paragraphs), p => p.Contains("主编简介", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Sample_RejoinsTheParagraphSplitByAPageBreak()
    {
        var jiangxi = ArticleTitled("江西");

        Assert.Equal(3, jiangxi.Paragraphs.Count);
        Assert.Contains("不断提升数据安全管理水平。三是实施数据安全产业支撑能力提升行动。", jiangxi.Paragraphs[2], StringComparison.Ordinal);
        Assert.EndsWith("不断提升我省工业领域数据安全保障能力。", jiangxi.Paragraphs[2], StringComparison.Ordinal);
    }

    [Theory] // The sample has more page breaks than the 江西 one; each leaves a line that does not end a sentence.
    [InlineData("商务部等9部门", "同时，鼓励有条件的地方用好现有股权投资基金资源")]
    [InlineData("《成都市数据条例》", "企业通过各种形式合作开展数据人才培养。")]
    [InlineData("广西印发全区", "推动制造业数字化转型，形成一批标杆示范")]
    [InlineData("《内蒙古", "公共数据采集、治理、归集")]
    [InlineData("美国云安全", "提高美国政府检测和协调应对网络威胁的能力。")]
    public void Parse_Sample_RejoinsEveryPageBreak(string title, string joined) =>
        Assert.Contains(ArticleTitled(title).Paragraphs, p => p.Contains(joined, StringComparison.Ordinal));

    [Fact]
    public void Parse_Sample_KeepsHeadingsAsTheirOwnParagraphs()
    {
        var utah = ArticleTitled("美国发布");
        Assert.Contains("一、明确重点概念内涵", utah.Paragraphs);
        Assert.Contains("(一) 内容和目的", utah.Paragraphs);
        Assert.Contains("中小企业数字化改造最高可获 50 万元补贴", ArticleTitled("合肥").Paragraphs);
        Assert.Contains("《通知》指出：", ArticleTitled("北京").Paragraphs);
    }

    [Fact]
    public void Parse_Sample_ParagraphsHaveNoTitleNoiseLinkOrMarkup()
    {
        var first = Sample.Articles[0];
        Assert.Equal(8, first.Paragraphs.Count);
        Assert.StartsWith("6 月 11 日，商务部等 9 部门联合发布了", first.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("指导企业妥善应对海外纠纷。", first.Paragraphs[^1], StringComparison.Ordinal);
        Assert.All(Sample.Articles.SelectMany(a => a.Paragraphs), p =>
        {
            Assert.DoesNotContain("扫描二维码", p, StringComparison.Ordinal);
            Assert.DoesNotContain("原文链接", p, StringComparison.Ordinal);
            Assert.DoesNotContain("**", p, StringComparison.Ordinal);
            Assert.False(p.StartsWith("- ", StringComparison.Ordinal), p);
        });
        Assert.Contains(ArticleTitled("美国云安全").Paragraphs, p => p.EndsWith("会议提出了三项重要意见：", StringComparison.Ordinal));
        Assert.Contains("(1) 创建并管理人工智能学习实验室项目；", ArticleTitled("美国发布").Paragraphs);
    }

    [Fact]
    public void Parse_Sample_SummarisesEveryArticleWithinTheLimit()
    {
        Assert.All(Sample.Articles, a =>
        {
            Assert.NotEmpty(a.Summary);
            Assert.InRange(new StringInfo(a.Summary).LengthInTextElements, 1, IssueSummary.DefaultLimit);
        });
        Assert.Equal("6月8日，自然资源部面向全社会公开发布首批《海洋数据开放共享目录》和全国首个国家海洋大数据服务平台（海洋云）。",
            Sample.Articles[1].Summary);
        Assert.EndsWith("…", Sample.Articles[0].Summary, StringComparison.Ordinal);
    }
}
