using System.Text;
using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Digests;

public sealed class DraftArticleTests
{
    private readonly Issue _sample = SampleIssue.Create();

    [Fact]
    public void DraftArticle_SampleIssue_HasEverySectionAndArticleInOrder()
    {
        var draft = Renderers.Create().DraftArticle(_sample);

        Assert.Equal("商务部等9部门发布关于拓展跨境电商出口 推进海外仓建设的意见", draft.Title);
        Assert.Equal("大数据发展动态", draft.Author);
        Assert.Equal("https://digest.example.cn/issues/185", draft.ContentSourceUrl);
        Assert.StartsWith(_sample.Articles[0].Title, draft.Digest);
        Assert.InRange(Renderers.Elements(draft.Digest), 1, 120);
        var expected = _sample.Sections.SelectMany(section => _sample.Articles
            .Where(a => a.Section == section)
            .SelectMany(a => new[] { $">{a.Title}</h3>", $"<p>{a.Summary}</p>", $"来源：{a.Source}", a.Url is null ? "" : $"<a href=\"{a.Url}\">阅读原文</a>" })
            .Prepend($">{section}</h2>"));
        Renderers.InOrder(draft.Content, expected);
        Assert.Equal(14, draft.Content.Split("阅读原文").Length - 1);
        Assert.DoesNotContain("另有", draft.Content);
    }

    [Fact]
    public void DraftArticle_Content_IsSelfContainedWithoutScriptsOrStyles()
    {
        foreach (var issue in new[] { _sample, ExtremeIssue.Create() })
        {
            var content = Renderers.Create().DraftArticle(issue).Content;

            foreach (var banned in new[] { "<script", "<style", "<img", "<link", "<iframe", " src=", "javascript:" })
            {
                Assert.DoesNotContain(banned, content, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void DraftArticle_ExtremeIssue_DropsSummariesFromTheEndUntilWithinLimits()
    {
        var issue = ExtremeIssue.Create();

        var content = Renderers.Create().DraftArticle(issue).Content;

        Assert.True(content.Length < 20_000);
        Assert.True(Encoding.UTF8.GetByteCount(content) < 1024 * 1024);
        var shown = issue.Sections.SelectMany(s => issue.Articles.Where(a => a.Section == s));
        var kept = shown.Select(a => content.Contains($"摘要{a.Page}：", StringComparison.Ordinal)).ToList();
        Assert.True(kept[0]);
        Assert.False(kept[^1]);
        Assert.Equal(kept.OrderByDescending(k => k), kept);
        Assert.Equal(40, content.Split("</h3>").Length - 1);
        Assert.DoesNotContain("另有", content);
    }

    [Fact]
    public void DraftArticle_TooLongEvenWithoutSummaries_DropsArticlesAndLinksIssuePage()
    {
        var content = Renderers.Create().DraftArticle(ExtremeIssue.Create(articles: 400)).Content;

        Assert.True(content.Length < 20_000);
        Assert.DoesNotContain("摘要", content);
        Assert.Matches("……另有\\d+篇，<a href=\"https://digest.example.cn/issues/999\">请在网页版阅读</a>", content);
    }

    [Fact]
    public void DraftArticle_MarkupInIssue_IsEscapedEverywhere()
    {
        var content = Renderers.Create().DraftArticle(ExtremeIssue.Create(articles: 5, summaryLength: 40)).Content;

        Assert.DoesNotContain("<script", content);
        Assert.DoesNotContain("<b>", content);
        Assert.DoesNotContain("]]>", content);
        Assert.Contains(">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;第1篇", content);
        Assert.Contains(">A&amp;B “引号” &quot;quoted&quot; 标题第2篇", content);
        Assert.Contains("&lt;b&gt;加粗&lt;/b&gt;&amp;amp;已转义", content);
        Assert.Contains("&lt;专题&gt;&amp;&quot;观察&quot;</h2>", content);
        Assert.Contains("来源：来源0&lt;i&gt;&amp;", content);
        Assert.Contains("?a=1&amp;b=%222%22\">阅读原文</a>", content);
        Assert.Contains(ExtremeIssue.Family, content, StringComparison.Ordinal);
    }

    [Fact]
    public void DraftArticle_ExtremeIssue_KeepsTitleAuthorAndDigestWithinLimits()
    {
        var renderer = Renderers.Create(configure: o => o.Author = ExtremeIssue.Pad("贵阳智能大数据战略研究院😀", 30));

        var draft = renderer.DraftArticle(ExtremeIssue.Create());

        Assert.Equal(32, Renderers.Elements(draft.Title));
        Assert.Equal(16, Renderers.Elements(draft.Author));
        Assert.InRange(Renderers.Elements(draft.Digest), 1, 120);
        Assert.All(new[] { draft.Title, draft.Author, draft.Digest }, v => Assert.True(Renderers.SurrogatesPaired(v)));
    }
}
