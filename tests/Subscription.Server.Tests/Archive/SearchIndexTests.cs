using Subscription.Server.Archive;
using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Archive;

public sealed class SearchIndexTests
{
    private static Article Article(string title, params string[] paragraphs) =>
        new("地方新政", 1, title, "来源", null, paragraphs, paragraphs.FirstOrDefault() ?? "");

    private static Issue Issue(int number, params Article[] articles) =>
        new(number, number % 50, new DateOnly(2024, 6, 17), articles[0].Title, ["地方新政"], articles);

    private static readonly SearchIndex Index = new(
    [
        Issue(184, Article("贵州发布数据要素市场化配置方案", "推进数据要素市场化。"), Article("海洋云发布", "海洋数据开放共享。")),
        Issue(185, Article("北京加强数据资产管理", "数据要素价值释放，Data Asset 管理。"), Article("成都市数据条例发布", "数据安全与开发利用。")),
    ], revision: 7);

    [Fact]
    public void Search_TitleAndBodyHits_TitleHitsFirstThenNewest()
    {
        var hits = Index.Search("数据要素", 5);

        Assert.Equal([(184, 1, true), (185, 1, false)], hits.Select(h => (h.IssueNumber, h.ArticleIndex, h.InTitle)));
    }

    [Fact]
    public void Search_SeveralTerms_EveryTermMustMatch()
    {
        Assert.Equal([(185, 2)], Index.Search("数据 安全", 5).Select(h => (h.IssueNumber, h.ArticleIndex)));
        Assert.Empty(Index.Search("数据 火星", 5));
    }

    [Fact]
    public void Search_BigramsPresentButNotAdjacent_NoFalseHit()
    {
        // "据要" and "要素" both occur, but "数据资产要素" as a phrase does not.
        Assert.Empty(Index.Search("数据资产要素", 5));
    }

    [Theory]
    [InlineData("ＤＡＴＡ　ａｓｓｅｔ")]
    [InlineData("data-asset")]
    [InlineData("  DATA ASSET  ")]
    public void Search_FullWidthCaseAndPunctuation_Folded(string query)
    {
        Assert.Equal([(185, 1)], Index.Search(query, 5).Select(h => (h.IssueNumber, h.ArticleIndex)));
    }

    [Fact]
    public void Search_OneCharacter_Works()
    {
        Assert.Equal([(184, 2)], Index.Search("洋", 5).Select(h => (h.IssueNumber, h.ArticleIndex)).Distinct());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("，。！")]
    public void Search_NothingSearchable_Empty(string query) => Assert.Empty(Index.Search(query, 5));

    [Fact]
    public void Search_Limit_Honoured()
    {
        Assert.Single(Index.Search("数据", 1));
        Assert.Equal(4, Index.Search("数据", 10).Count);
        Assert.Equal(7, Index.Revision);
        Assert.Equal(4, Index.Count);
    }
}
