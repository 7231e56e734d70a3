using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Subscription.Server.Callback;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Callback;

/// <summary>A follower's life through the real pipeline, in plaintext mode and in safe (encrypted) mode.</summary>
public abstract class CallbackFlowTests(StoreFixture store, bool encrypted) : IAsyncLifetime
{
    private readonly ServerFactory _server = new(store);
    private WeChatSender _wechat = null!;
    private AdminApi _admin = null!;
    private ReplyTexts _texts = null!;

    public ValueTask InitializeAsync()
    {
        _wechat = new WeChatSender(_server.CreateClient(), encrypted);
        _admin = new AdminApi(_server.CreateAdminClient());
        _texts = _server.Services.GetRequiredService<IOptions<ReplyTexts>>().Value;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string NewOpenId() => "o" + Guid.NewGuid().ToString("N")[..27];

    private async Task<ParsedReply> SendAsync(string xml, Delivery? delivery = null)
    {
        using var response = await _wechat.PostAsync(xml, delivery ?? new Delivery(WeChatSender.Now, WeChatSender.NewNonce()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ParsedReply.Parse(await _wechat.ReadReplyAsync(response));
    }

    private async Task<string> SendExpectingNoReplyAsync(string xml)
    {
        using var response = await _wechat.PostAsync(xml);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _wechat.ReadReplyAsync(response);
    }

    [Fact]
    public async Task Follow_NewFollower_RepliesWelcomeAndStoresActiveRecord()
    {
        var openId = NewOpenId();
        var at = WeChatSender.Now;

        var reply = await SendAsync(CallbackXml.Subscribe(openId, at, scene: "newsletter185"));

        Assert.Equal(openId, reply.ToUserName);
        Assert.Equal(TestAccount.OriginalId, reply.FromUserName);
        Assert.Equal("text", reply.MsgType);
        Assert.Equal(_texts.Welcome, reply.Content);
        var record = (await _admin.SubscriberAsync(openId))!.Value;
        Assert.Equal("active", record.GetProperty("status").GetString());
        Assert.Equal("newsletter185", record.GetProperty("scene").GetString());
        Assert.True(record.GetProperty("pushEnabled").GetBoolean());
        Assert.Equal(at, record.GetProperty("firstSubscribedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(TimeSpan.FromHours(8), record.GetProperty("firstSubscribedAt").GetDateTimeOffset().Offset);
        var stats = await _admin.StatsAsync();
        Assert.Equal(1, stats.GetProperty("active").GetInt64());
        Assert.Equal(1, stats.GetProperty("followsToday").GetInt64());
        Assert.Equal(1, stats.GetProperty("byScene").GetProperty("newsletter185").GetInt64());
    }

    [Fact]
    public async Task Follow_SameDeliveryRetried_SameReplyAndOneStateChange()
    {
        var openId = NewOpenId();
        var xml = CallbackXml.Subscribe(openId, WeChatSender.Now, scene: "qr1");
        var delivery = new Delivery(WeChatSender.Now, WeChatSender.NewNonce(), encrypted ? _wechat.Crypto.Encrypt(xml) : null);

        var first = await SendAsync(xml, delivery);
        await Task.Delay(1100); // a retry comes later: the reply's CreateTime must still be the first one's
        var retry = await SendAsync(xml, delivery);
        var retryWithNewNonce = await SendAsync(xml);

        Assert.Equal(first, retry);
        Assert.Equal(first, retryWithNewNonce);
        var stats = await _admin.StatsAsync();
        Assert.Equal(1, stats.GetProperty("active").GetInt64());
        Assert.Equal(1, stats.GetProperty("followsToday").GetInt64());
        Assert.Equal(1, stats.GetProperty("byScene").GetProperty("qr1").GetInt64());
    }

    [Fact]
    public async Task Unfollow_ThenFollowAgain_ActiveWithFirstSubscribedTimeKept()
    {
        var openId = NewOpenId();
        var t0 = WeChatSender.EarlierToday(100);
        await SendAsync(CallbackXml.Subscribe(openId, t0));

        Assert.Equal("success", await SendExpectingNoReplyAsync(CallbackXml.Unsubscribe(openId, t0 + 10)));
        var gone = (await _admin.SubscriberAsync(openId))!.Value;
        Assert.Equal("inactive", gone.GetProperty("status").GetString());
        Assert.Equal(t0 + 10, gone.GetProperty("unsubscribedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(0, (await _admin.StatsAsync()).GetProperty("active").GetInt64());

        await SendAsync(CallbackXml.Subscribe(openId, t0 + 20));
        var back = (await _admin.SubscriberAsync(openId))!.Value;
        Assert.Equal("active", back.GetProperty("status").GetString());
        Assert.Equal(t0, back.GetProperty("firstSubscribedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(t0 + 20, back.GetProperty("lastSubscribedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        var stats = await _admin.StatsAsync();
        Assert.Equal(1, stats.GetProperty("active").GetInt64());
        Assert.Equal(2, stats.GetProperty("followsToday").GetInt64());
        Assert.Equal(1, stats.GetProperty("unfollowsToday").GetInt64());
    }

    [Fact]
    public async Task Unfollow_DeliveredAfterANewerFollow_DoesNotUndoIt()
    {
        var openId = NewOpenId();
        var t0 = WeChatSender.Now - 100;
        await SendAsync(CallbackXml.Subscribe(openId, t0 + 20));

        await SendExpectingNoReplyAsync(CallbackXml.Unsubscribe(openId, t0 + 10));

        var record = (await _admin.SubscriberAsync(openId))!.Value;
        Assert.Equal("active", record.GetProperty("status").GetString());
        Assert.Equal(1, (await _admin.StatsAsync()).GetProperty("active").GetInt64());
    }

    [Theory]
    [InlineData("help")]
    [InlineData("about")]
    [InlineData("latest")]
    [InlineData("section:地方新政")]
    [InlineData("no-such-key")]
    public async Task Click_MenuKey_RepliesItsText(string key)
    {
        var openId = NewOpenId();
        await SendAsync(CallbackXml.Subscribe(openId, WeChatSender.Now - 10));

        var reply = await SendAsync(CallbackXml.Click(openId, WeChatSender.Now, key));

        // The archive is empty here; ArchiveConversationTests cover these keys with issues published.
        var expected = key switch
        {
            "help" => _texts.Help,
            "about" => _texts.About,
            "no-such-key" => _texts.UnknownMenu,
            "latest" => _texts.NoIssueYet,
            _ => string.Format(_texts.SectionEmpty, "地方新政"),
        };
        Assert.Equal(expected, reply.Content);
        var record = (await _admin.SubscriberAsync(openId))!.Value;
        Assert.True(record.GetProperty("lastInteractionAt").GetDateTimeOffset() > record.GetProperty("firstSubscribedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Text_Keywords_ReplyAndSwitchPushes()
    {
        var openId = NewOpenId();
        var t0 = WeChatSender.Now - 50;
        await SendAsync(CallbackXml.Subscribe(openId, t0));

        Assert.Equal(_texts.Help, (await SendAsync(CallbackXml.Text(openId, t0 + 1, "帮助", 9_000_000_000_000_001))).Content);
        Assert.Equal(_texts.PushStopped, (await SendAsync(CallbackXml.Text(openId, t0 + 2, "退订", 9_000_000_000_000_002))).Content);
        Assert.False((await _admin.SubscriberAsync(openId))!.Value.GetProperty("pushEnabled").GetBoolean());
        Assert.Equal(_texts.PushResumed, (await SendAsync(CallbackXml.Text(openId, t0 + 3, "订阅", 9_000_000_000_000_003))).Content);
        Assert.True((await _admin.SubscriberAsync(openId))!.Value.GetProperty("pushEnabled").GetBoolean());
        Assert.Equal(_texts.PushStopped, (await SendAsync(CallbackXml.Text(openId, t0 + 4, " td ", 9_000_000_000_000_004))).Content);
        Assert.False((await _admin.SubscriberAsync(openId))!.Value.GetProperty("pushEnabled").GetBoolean());
        Assert.StartsWith("没有找到与“数据要素 🙂 ]]> <b>”相关的文章", (await SendAsync(CallbackXml.Text(openId, t0 + 5, "数据要素 🙂 ]]> <b>", 9_000_000_000_000_005))).Content);
        var record = (await _admin.SubscriberAsync(openId))!.Value;
        Assert.Equal(t0 + 5, record.GetProperty("lastInteractionAt").GetDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Scan_ByFollower_RecordsSceneAndInteraction()
    {
        var openId = NewOpenId();
        var t0 = WeChatSender.Now - 50;
        await SendAsync(CallbackXml.Subscribe(openId, t0));

        Assert.Equal("success", await SendExpectingNoReplyAsync(CallbackXml.Scan(openId, t0 + 5, "poster-2024")));
        Assert.Equal("success", await SendExpectingNoReplyAsync(CallbackXml.View(openId, t0 + 6, "https://example.com/issues")));

        var db = await _server.ConnectStoreAsync();
        var hash = _server.KeyPrefix + "{subscribers}:f:" + openId;
        Assert.Equal("poster-2024", (string?)await db.HashGetAsync(hash, "lastScanScene"));
        Assert.Equal(1, (long)await db.HashGetAsync(_server.KeyPrefix + "{subscribers}:scans", "poster-2024"));
        var record = (await _admin.SubscriberAsync(openId))!.Value;
        Assert.Equal(t0 + 6, record.GetProperty("lastInteractionAt").GetDateTimeOffset().ToUnixTimeSeconds());
    }
}

[Trait("Category", "Storage")]
public sealed class PlaintextCallbackFlowTests(StoreFixture store) : CallbackFlowTests(store, encrypted: false);

[Trait("Category", "Storage")]
public sealed class SafeModeCallbackFlowTests(StoreFixture store) : CallbackFlowTests(store, encrypted: true);
