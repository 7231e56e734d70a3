using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Subscription.Server.Callback;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Callback;

/// <summary>Every menu key and chat form that reaches the archive, through /wechat, with issue 185 published.</summary>
[Trait("Category", "Storage")]
public sealed class ArchiveConversationTests(StoreFixture store) : IAsyncLifetime
{
    private readonly ServerFactory _server = new(store, new Dictionary<string, string?> { ["Digest:PublicBaseUrl"] = "https://news.example.cn" });
    private WeChatSender _wechat = null!;
    private AdminApi _admin = null!;
    private ReplyTexts _texts = null!;
    private readonly string _openId = "o" + Guid.NewGuid().ToString("N")[..27];
    private long _clock = WeChatSender.Now - 200;
    private long _msgId = Random.Shared.NextInt64(1, long.MaxValue / 2);

    public async ValueTask InitializeAsync()
    {
        _wechat = new WeChatSender(_server.CreateClient());
        _admin = new AdminApi(_server.CreateAdminClient());
        _texts = _server.Services.GetRequiredService<IOptions<ReplyTexts>>().Value;
        await new IssueUploads(_server.CreateAdminClient()).PublishSampleAsync();
        await SendAsync(CallbackXml.Subscribe(_openId, _clock));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<ParsedReply> SendAsync(string xml)
    {
        using var response = await _wechat.PostAsync(xml);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ParsedReply.Parse(await response.Content.ReadAsStringAsync());
    }

    private Task<ParsedReply> ClickAsync(string key) => SendAsync(CallbackXml.Click(_openId, ++_clock, key));

    private Task<ParsedReply> SayAsync(string text) => SendAsync(CallbackXml.Text(_openId, ++_clock, text, ++_msgId));

    [Fact]
    public async Task ClickLatest_NewsCardOfIssue185()
    {
        var reply = await ClickAsync("latest");

        Assert.Equal("news", reply.MsgType);
        Assert.Equal(1, reply.ArticleCount);
        Assert.Contains("185", reply.NewsTitle);
        Assert.Equal("https://news.example.cn/issues/185", reply.NewsUrl);
        Assert.Contains("商务部等9部门", reply.NewsDescription);
    }

    [Fact]
    public async Task ClickPast_ListsIssuesWithLinks()
    {
        var reply = await ClickAsync("past");

        Assert.StartsWith("往期回顾", reply.Content);
        Assert.Contains("<a href=\"https://news.example.cn/issues/185\">总第185期", reply.Content);
        Assert.Contains("<a href=\"https://news.example.cn/issues\">全部期刊</a>", reply.Content);
    }

    [Fact]
    public async Task ClickSection_ThatSectionsLatestArticles()
    {
        var reply = await ClickAsync("section:产业前沿");

        Assert.StartsWith("【产业前沿】最新文章", reply.Content);
        Assert.Equal(2, reply.Content!.Split("<a href=").Length - 1);
        Assert.Contains("https://news.example.cn/issues/185/12", reply.Content);
    }

    [Theory]
    [InlineData("185")]
    [InlineData("第185期")]
    [InlineData(" 总第185期 ")]
    public async Task TextIssueNumber_NewsCardOfThatIssue(string text)
    {
        var reply = await SayAsync(text);
        Assert.Equal("news", reply.MsgType);
        Assert.Equal("https://news.example.cn/issues/185", reply.NewsUrl);
    }

    [Fact]
    public async Task TextUnknownIssueNumber_SaysSoWithTheArchiveLink()
    {
        var reply = await SayAsync("第999期");
        Assert.Equal(string.Format(_texts.IssueNotFound, 999, "https://news.example.cn/issues"), reply.Content);
    }

    [Fact]
    public async Task TextSectionPreferences_ConfirmedAndStored()
    {
        var subscribed = await SayAsync("订阅 地方新政");
        Assert.Equal(string.Format(_texts.SectionSubscribed, "地方新政", "国策要论、地方新政、产业前沿、数谷动态"), subscribed.Content);
        Assert.Empty(await SectionsAsync());

        var dropped = await SayAsync("退订 产业前沿");
        Assert.Equal(string.Format(_texts.SectionUnsubscribed, "产业前沿", "国策要论、地方新政、数谷动态"), dropped.Content);
        Assert.Equal(["国策要论", "地方新政", "数谷动态"], await SectionsAsync());

        await SayAsync("退订 国策要论");
        await SayAsync("退订 数谷动态");
        Assert.Equal(_texts.SectionLast, (await SayAsync("退订 地方新政")).Content);
        Assert.Equal(["地方新政"], await SectionsAsync());

        foreach (var section in new[] { "国策要论", "产业前沿", "数谷动态" })
        {
            await SayAsync("订阅 " + section);
        }

        Assert.Empty(await SectionsAsync()); // every section again
    }

    [Fact]
    public async Task TextUnknownSection_ListsTheSections()
    {
        var reply = await SayAsync("退订 火星新闻");
        Assert.Equal(string.Format(_texts.SectionUnknown, "火星新闻", "国策要论、地方新政、产业前沿、数谷动态"), reply.Content);
    }

    [Fact]
    public async Task TextKeyword_TopHitsWithLinksTitleHitsFirst()
    {
        var reply = await SayAsync("数据资产");

        Assert.StartsWith("与“数据资产”相关的文章", reply.Content);
        var firstLink = reply.Content!.Split('\n')[1];
        Assert.Contains("北京发布关于加强本市数据资产管理的通知", firstLink);
        Assert.Contains("https://news.example.cn/issues/185/3", firstLink);
        Assert.InRange(reply.Content.Split("<a href=").Length - 1, 1, 5);
    }

    [Fact]
    public async Task TextKeywordNothingMatches_HelpfulReply()
    {
        var reply = await SayAsync("火星探测器");
        Assert.Equal(string.Format(_texts.NoSearchResults, "火星探测器", "https://news.example.cn/issues"), reply.Content);
    }

    private async Task<string[]> SectionsAsync() =>
        (await _admin.SubscriberAsync(_openId))!.Value.GetProperty("sections").EnumerateArray().Select(e => e.GetString()!).ToArray();
}
