using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Digests;

public sealed class NewsCardTests
{
    private readonly Issue _sample = SampleIssue.Create();

    [Fact]
    public void NewsCard_SampleIssue_TitlesTheIssueAndLinksItsPage()
    {
        var card = Renderers.Create().NewsCard(_sample);

        Assert.Equal("大数据发展动态 第185期｜商务部等9部门发布关于拓展跨境电商出口 推进海外仓建设的意见", card.Title);
        Assert.Equal("https://digest.example.cn/issues/185", card.Url);
        Assert.Equal(Renderers.CoverUrl, card.PicUrl);
        Assert.StartsWith($"{_sample.Articles[0].Title}；{_sample.Articles[1].Title}；", card.Description);
        Assert.InRange(Renderers.Elements(card.Description), 60, 120);
        Assert.All(card.Description.Split('；'), part => Assert.Contains(_sample.Articles, a => a.Title == part));
    }

    [Fact]
    public void NewsCard_SectionFilter_DescribesOnlyThoseSections()
    {
        var card = Renderers.Create().NewsCard(_sample, ["数谷动态"]);

        Assert.Equal($"{_sample.Articles[13].Title}；{_sample.Articles[14].Title}", card.Description);
        Assert.Equal("https://digest.example.cn/issues/185", card.Url);
    }

    [Fact]
    public void NewsCard_UnmatchedFilter_DescribesAllSections()
    {
        var renderer = Renderers.Create();

        Assert.Equal(renderer.NewsCard(_sample), renderer.NewsCard(_sample, ["已停办的栏目"]));
    }

    [Fact]
    public void NewsCard_ExtremeIssue_TrimsTitleAndDescriptionWithoutSplittingEmoji()
    {
        var issue = ExtremeIssue.Create();
        var card = Renderers.Create().NewsCard(issue);

        Assert.Equal(64, Renderers.Elements(card.Title));
        Assert.EndsWith("…", card.Title);
        Assert.StartsWith($"大数据发展动态 第999期｜{ExtremeIssue.Script}{ExtremeIssue.Family}头条", card.Title, StringComparison.Ordinal);
        Assert.Equal(issue.Articles[0].Title, card.Description);
        Assert.True(Renderers.SurrogatesPaired(card.Title));
    }

    [Fact]
    public void NewsCard_FirstTitleOverLimit_IsCutToLimit()
    {
        var title = string.Concat(Enumerable.Repeat("😀数", 100));
        var issue = _sample with { Articles = [_sample.Articles[0] with { Title = title }] };

        var card = Renderers.Create().NewsCard(issue);

        Assert.Equal(120, Renderers.Elements(card.Description));
        Assert.EndsWith("…", card.Description);
        Assert.True(Renderers.SurrogatesPaired(card.Description));
    }

    [Fact]
    public void NewsCard_HeadlineWithLineBreaks_IsOneLine()
    {
        var card = Renderers.Create().NewsCard(_sample with { Headline = "第一行\r\n第二行" });

        Assert.Equal("大数据发展动态 第185期｜第一行 第二行", card.Title);
    }
}
