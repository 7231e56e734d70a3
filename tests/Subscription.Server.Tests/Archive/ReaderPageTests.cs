using System.Net;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Archive;

/// <summary>The reader pages over HTTP (the browser tests look at them on a phone-sized screen).</summary>
[Trait("Category", "Storage")]
public sealed class ReaderPageTests(StoreFixture store) : IAsyncLifetime
{
    private readonly ServerFactory _server = new(store);
    private HttpClient _reader = null!;

    public async ValueTask InitializeAsync()
    {
        _reader = _server.CreateClient();
        await new IssueUploads(_server.CreateAdminClient()).PublishSampleAsync();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Issues_ListsPublishedIssuesNewestFirst()
    {
        using var response = await _reader.GetAsync("/issues");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<a href=\"/issues/185\">商务部等9部门发布关于拓展跨境电商出口", html);
        Assert.Contains("第22期 · 总第185期 · 2024年6月17日", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Issue_ContentsBySectionWithSummariesAndShareMeta()
    {
        var html = await _reader.GetStringAsync("/issues/185");

        var positions = new[] { "国策要论", "地方新政", "产业前沿", "数谷动态" }.Select(s => html.IndexOf($"<h2>{s}</h2>", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(15, html.Split("<li><a href=\"/issues/185/").Length - 1);
        Assert.Contains("<title>大数据发展动态 第185期", html);
        Assert.Contains("<meta name=\"description\" content=\"", html);
        Assert.Contains("class=\"summary\"", html);
    }

    [Fact]
    public async Task Article_FullTextSourceAndOriginalLink()
    {
        var html = await _reader.GetStringAsync("/issues/185/1");

        Assert.Contains("<h1>商务部等9部门发布关于拓展跨境电商出口推进海外仓建设的意见</h1>", html);
        Assert.Contains("来源：商务部", html);
        Assert.Contains("href=\"http://www.mofcom.gov.cn/article/zwgk/gkzcfb/202406/20240603515722.shtml\"", html);
        Assert.Contains("下一篇", html);
    }

    [Theory]
    [InlineData("/issues/999")]
    [InlineData("/issues/185/0")]
    [InlineData("/issues/185/16")]
    [InlineData("/issues?page=2")]
    public async Task Missing_NotFoundPage(string path)
    {
        using var response = await _reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_FindsArticlesAndEscapesTheQuery()
    {
        var html = await _reader.GetStringAsync("/search?q=" + Uri.EscapeDataString("数据资产"));
        Assert.Contains("<a href=\"/issues/185/3\">北京发布关于加强本市数据资产管理的通知</a>", html);

        var hostile = await _reader.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>alert", hostile);
        Assert.Contains("&lt;script&gt;", hostile);
    }

    [Fact]
    public async Task Pages_EscapeEverythingFromTheIssue()
    {
        var admin = _server.CreateAdminClient();
        var json = (await admin.GetStringAsync("/admin/api/issues/185"))
            .Replace("\"number\": 185", "\"number\": 186", StringComparison.Ordinal)
            .Replace("《海洋数据开放共享目录》和海洋云发布", "<img src=x onerror=alert(1)>海洋云", StringComparison.Ordinal);
        using (var published = await new IssueUploads(admin).PostJsonAsync(json, "?publish=true"))
        {
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        }

        var issuePage = await _reader.GetStringAsync("/issues/186");
        var articlePage = await _reader.GetStringAsync("/issues/186/2");
        Assert.DoesNotContain("<img", issuePage + articlePage);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;海洋云", articlePage);
    }
}
