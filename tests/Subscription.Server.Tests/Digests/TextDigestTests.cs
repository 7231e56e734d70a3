using System.Text;
using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Digests;

public sealed class TextDigestTests
{
    private readonly Issue _sample = SampleIssue.Create();

    [Fact]
    public void TextDigest_SampleIssue_LinksEveryTitleInSectionOrder()
    {
        var text = Renderers.Create().TextDigest(_sample);

        Assert.StartsWith("《大数据发展动态》第22期（总第185期）\n2024年6月17日\n", text);
        Assert.EndsWith("<a href=\"https://digest.example.cn/issues/185\">阅读本期全文</a>", text);
        var expected = _sample.Sections.SelectMany(section => _sample.Articles
            .Select((a, i) => (a, i))
            .Where(x => x.a.Section == section)
            .Select(x => $"· <a href=\"https://digest.example.cn/issues/185/{x.i + 1}\">{x.a.Title}</a>")
            .Prepend($"【{section}】"));
        Renderers.InOrder(text, expected);
        Assert.True(Encoding.UTF8.GetByteCount(text) <= 2047);
    }

    [Fact]
    public void TextDigest_LinksTooLong_ListsPlainHeadlinesAndOneIssueLink()
    {
        var issue = ExtremeIssue.Create(articles: 20, titleLength: 20);

        var text = Renderers.Create().TextDigest(issue);

        Assert.True(Encoding.UTF8.GetByteCount(text) <= 2047);
        Assert.DoesNotContain("/issues/999/", text);
        Assert.DoesNotContain("……等", text);
        Assert.Single(text.Split("<a ").Skip(1));
        Assert.EndsWith("<a href=\"https://digest.example.cn/issues/999\">阅读本期全文</a>", text);
        Assert.Equal(20, text.Split('\n').Count(line => line.StartsWith("· ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Renderers.BaseUrl)]
    [InlineData("https://a-very-long-host-name.example.cn/newsletters/big-data-development/archive/reader/")]
    public void TextDigest_ExtremeIssue_StaysWithinByteCapAndCountsAllArticles(string baseUrl)
    {
        var text = Renderers.Create(baseUrl).TextDigest(ExtremeIssue.Create());

        Assert.InRange(Encoding.UTF8.GetByteCount(text), 1500, 2047);
        Assert.Contains("\n……等40篇\n\n<a href=\"", text);
        Assert.Contains($"{baseUrl.TrimEnd('/')}/issues/999\">阅读本期全文</a>", text);
        Assert.True(Renderers.SurrogatesPaired(text));
    }

    [Fact]
    public void TextDigest_MaximalBaseUrl_StaysWithinByteCap()
    {
        var baseUrl = "https://example.cn/" + new string('x', 490);

        var text = Renderers.Create(baseUrl).TextDigest(ExtremeIssue.Create());

        Assert.True(Encoding.UTF8.GetByteCount(text) <= 2047);
        Assert.Contains("……等40篇", text);
    }

    [Fact]
    public void TextDigest_FirstTitleLongerThanMessage_IsCutBetweenEmoji()
    {
        var title = string.Concat(Enumerable.Repeat(ExtremeIssue.Family + "标", 400));
        var issue = _sample with { Articles = [_sample.Articles[0] with { Title = title }] };

        var text = Renderers.Create().TextDigest(issue);

        Assert.True(Encoding.UTF8.GetByteCount(text) <= 2047);
        Assert.True(Renderers.SurrogatesPaired(text));
        Assert.Contains($"· {ExtremeIssue.Family}标", text, StringComparison.Ordinal);
        Assert.Contains("…\n……等1篇", text);
        Assert.DoesNotContain("\u200D…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextDigest_ScriptTitle_IsEscapedInLinkTextAndPlainForms()
    {
        var oneArticle = _sample with { Articles = [_sample.Articles[0] with { Title = "<script>alert(\"x\")</script>&" }] };

        var linked = Renderers.Create().TextDigest(oneArticle);
        var partial = Renderers.Create().TextDigest(ExtremeIssue.Create());

        Assert.Contains(">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;</a>", linked);
        Assert.DoesNotContain("<script", linked);
        Assert.DoesNotContain("<script", partial);
        Assert.DoesNotContain("]]>", partial);
        Assert.Contains("&lt;script&gt;", partial);
        Assert.Contains("【&lt;专题&gt;&amp;&quot;观察&quot;】", Renderers.Create().TextDigest(ExtremeIssue.Create(5, 10)));
    }

    [Fact]
    public void TextDigest_SectionFilter_ShowsOnlyThoseSectionsWithIssueIndexes()
    {
        var text = Renderers.Create().TextDigest(_sample, ["产业前沿", "数谷动态"]);

        Assert.DoesNotContain("【国策要论】", text);
        Assert.DoesNotContain("【地方新政】", text);
        Renderers.InOrder(text,
        [
            "【产业前沿】", "/issues/185/12\">美国发布《犹他州人工智能政策法》</a>", "/issues/185/13\">",
            "【数谷动态】", "/issues/185/14\">", "/issues/185/15\">2024年“数据要素×”大赛贵州分赛正式启动</a>",
        ]);
        Assert.Equal(4, text.Split('\n').Count(line => line.StartsWith("· ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("不存在的栏目")]
    [InlineData("不存在的栏目,另一个")]
    public void TextDigest_EmptyOrUnmatchedFilter_ShowsAllSections(string filter)
    {
        var renderer = Renderers.Create();
        var sections = filter.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(renderer.TextDigest(_sample), renderer.TextDigest(_sample, sections));
    }
}
