using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Subscription.Server.Tests.Browser;

/// <summary>
/// The reader pages as a subscriber sees them: on a phone, in WeChat's browser, tapping through.
/// After a tap, the new page is awaited with Expect(…) (polled by Playwright's driver), not WaitForURLAsync: under load
/// the latter can miss the navigation it waits for and time out on a page that has long loaded (playwright-dotnet#3364).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MobileReaderTests(BrowserFixture browser)
{
    // The cover keeps the line break of the printed headline; the article's own title does not.
    private const string Headline = "商务部等9部门发布关于拓展跨境电商出口 推进海外仓建设的意见";
    private const string FirstArticle = "商务部等9部门发布关于拓展跨境电商出口推进海外仓建设的意见";
    private static readonly string[] Sections = ["国策要论", "地方新政", "产业前沿", "数谷动态"];

    [Fact]
    public async Task IssueList_ShowsTheSampleIssue_AndTappingItOpensIt()
    {
        await using var phone = await browser.OpenPhoneAsync();
        var page = phone.Page;

        await phone.GotoAsync("/issues");
        await phone.ScreenshotAsync("issues");

        Assert.Equal("往期回顾", await page.Locator("main h1").InnerTextAsync());
        var first = page.Locator("ol.issues > li").First;
        var link = first.Locator("a");
        Assert.Equal(Headline, (await link.InnerTextAsync()).Trim());
        Assert.Equal("第22期 · 总第185期 · 2024年6月17日", (await first.Locator(".meta").InnerTextAsync()).Trim());
        await phone.AssertNoHorizontalScrollAsync();

        await link.TapAsync();
        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/issues/185").AbsoluteUri);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(Headline);
        Assert.Empty(phone.OffsiteRequests);
    }

    [Fact]
    public async Task IssuePage_SectionsInOrder_FifteenArticlesWithSummaries_FitsThePhone_InACjkFont()
    {
        await using var phone = await browser.OpenPhoneAsync();
        var page = phone.Page;

        await phone.GotoAsync("/issues/185");
        await phone.ScreenshotAsync("issue-185");

        Assert.Equal(Headline, (await page.Locator("main h1").InnerTextAsync()).Trim());
        Assert.Equal(Sections, (await page.Locator("main h2").AllInnerTextsAsync()).Select(s => s.Trim()));

        var items = page.Locator("main ol > li");
        Assert.Equal(15, await items.CountAsync());
        for (var i = 0; i < 15; i++)
        {
            var item = items.Nth(i);
            Assert.Equal($"/issues/185/{i + 1}", await item.Locator("a").GetAttributeAsync("href"));
            Assert.False(string.IsNullOrWhiteSpace(await item.Locator("a").InnerTextAsync()), $"article {i + 1} has no title");
            Assert.False(string.IsNullOrWhiteSpace(await item.Locator(".summary").InnerTextAsync()), $"article {i + 1} has no summary");
            Assert.True(await item.Locator(".summary").IsVisibleAsync(), $"article {i + 1}'s summary is not visible");
        }

        await phone.AssertNoHorizontalScrollAsync();
        await phone.AssertDrawnInCjkFontAsync("main h2");
    }

    [Fact]
    public async Task ArticlePage_FullTextSourceOriginalLink_AndNextArticle()
    {
        await using var phone = await browser.OpenPhoneAsync();
        var page = phone.Page;

        await phone.GotoAsync("/issues/185/1");
        await phone.ScreenshotAsync("article-185-1");

        Assert.Equal(FirstArticle, (await page.Locator("main h1").InnerTextAsync()).Trim());
        var paragraphs = await page.Locator("main > p:not(.meta)").AllInnerTextsAsync();
        Assert.True(paragraphs.Count(p => p.Trim().Length >= 40) >= 5, $"only {paragraphs.Count} paragraphs: {string.Join(" / ", paragraphs)}");
        Assert.StartsWith("6 月 11 日，商务部等 9 部门联合发布", paragraphs[0].Trim());
        Assert.Contains("来源：商务部", await page.Locator("main > p.meta").AllInnerTextsAsync());

        // Only its address is checked: the machine (and the test) stays offline.
        var original = page.GetByRole(AriaRole.Link, new() { Name = "阅读原文", Exact = true });
        Assert.Equal("http://www.mofcom.gov.cn/article/zwgk/gkzcfb/202406/20240603515722.shtml", await original.GetAttributeAsync("href"));
        Assert.True(await original.IsVisibleAsync());

        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "上一篇" }).CountAsync());
        await phone.AssertNoHorizontalScrollAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "下一篇" }).TapAsync();
        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/issues/185/2").AbsoluteUri);
        await Expect(page.Locator("main h1")).ToHaveTextAsync("《海洋数据开放共享目录》和海洋云发布");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "上一篇" })).ToHaveAttributeAsync("href", "/issues/185/1");
        Assert.Empty(phone.OffsiteRequests);
    }

    [Fact]
    public async Task SearchForm_TypedQuery_ListsTheBeijingDataAssetArticleFirst()
    {
        await using var phone = await browser.OpenPhoneAsync();
        var page = phone.Page;

        await phone.GotoAsync("/search");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "关键词" });
        await box.TapAsync();
        await box.PressSequentiallyAsync("数据资产");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).TapAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=" + Regex.Escape(Uri.EscapeDataString("数据资产")) + "$"));

        var first = page.Locator("main ol > li").First.Locator("a");
        await Expect(first).ToHaveTextAsync("北京发布关于加强本市数据资产管理的通知");
        await Expect(first).ToHaveAttributeAsync("href", "/issues/185/3");
        await Expect(box).ToHaveValueAsync("数据资产");
        await phone.ScreenshotAsync("search-data-assets");
        await phone.AssertNoHorizontalScrollAsync();
        Assert.Empty(phone.OffsiteRequests);
    }
}
