namespace Subscription.Server.Tests.Emulator;

public sealed class CustomSendTests : EmulatorTest
{
    private static object Text(string openId, string content = "最新一期") =>
        new { touser = openId, msgtype = "text", text = new { content } };

    [Fact]
    public async Task Without_a_recent_interaction_the_window_is_closed()
    {
        State.Followers.Seed(2);
        await Api.AdminAsync("followers/unfollow", new { openids = new[] { OpenId(1) } });
        var token = await Api.TokenAsync();

        Assert.Equal(45015, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token, Text(OpenId(0)))));
        Assert.Equal(43004, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token, Text(OpenId(1)))));
        Assert.Equal(0, State.Deliveries.Total);
    }

    [Fact]
    public async Task A_user_message_allows_five_messages_for_48_hours()
    {
        State.Followers.Seed(1);
        await Api.AdminAsync("followers/interact", new { openids = new[] { OpenId(0) }, trigger = "message" });
        var token = await Api.TokenAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token, Text(OpenId(0), $"第{i}条"))));
        }

        Assert.Equal(45047, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token, Text(OpenId(0)))));
        Assert.Equal(5, State.Deliveries.CountFor(OpenId(0)));

        await Api.AdminAsync("followers/interact", new { openids = new[] { OpenId(0) }, trigger = "message" });
        Advance(TimeSpan.FromHours(47));
        token = await Api.TokenAsync();
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token, Text(OpenId(0)))));
        Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        token = await Api.TokenAsync();
        Assert.Equal(45015, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token, Text(OpenId(0)))));
    }

    [Fact]
    public async Task A_click_or_follow_allows_three_messages_within_a_minute()
    {
        State.Followers.Seed(2);
        await Api.AdminAsync("followers/interact", new { openids = new[] { OpenId(0), OpenId(1) }, trigger = "event" });
        var token = await Api.TokenAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token, Text(OpenId(0)))));
        }

        Assert.Equal(45047, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token, Text(OpenId(0)))));
        Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(45047, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token, Text(OpenId(1)))));
    }

    [Fact]
    public async Task News_carries_one_article_only()
    {
        State.Followers.Seed(1);
        State.Followers.Interact(0, Subscription.WeChatEmulator.Followers.Trigger.Message);
        var token = await Api.TokenAsync();
        var article = new { title = "第42期", description = "本期", url = "https://example.com/42", picurl = "https://example.com/c.jpg" };

        Assert.Equal(45008, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token,
            new { touser = OpenId(0), msgtype = "news", news = new { articles = new[] { article, article } } })));
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/custom/send", token,
            new { touser = OpenId(0), msgtype = "news", news = new { articles = new[] { article } } })));
        Assert.Equal("第42期", Assert.Single(State.Deliveries.For(OpenId(0))).Title);
    }

    [Fact]
    public async Task Bodies_with_unicode_escapes_or_broken_json_are_refused()
    {
        State.Followers.Seed(1);
        var token = await Api.TokenAsync();

        var escaped = $$$"""{"touser":"{{{OpenId(0)}}}","msgtype":"text","text":{"content":"\u6700\u65b0"}}""";
        Assert.Equal(40033, Errcode(await Api.PostRawAsync($"/cgi-bin/message/custom/send?access_token={token}", escaped)));
        Assert.Equal(47001, Errcode(await Api.PostRawAsync($"/cgi-bin/message/custom/send?access_token={token}", "{\"touser\":")));
        Assert.Equal(41001, Errcode(await Api.PostRawAsync("/cgi-bin/message/custom/send", "{\"touser\":")));
    }
}
