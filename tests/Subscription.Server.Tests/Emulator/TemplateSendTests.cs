using Subscription.WeChatEmulator.Deliveries;

namespace Subscription.Server.Tests.Emulator;

public sealed class TemplateSendTests : EmulatorTest
{
    private static object Message(string openId, string? clientMsgId = null, string value = "第42期") => new
    {
        touser = openId,
        template_id = "TPL_weekly",
        url = "https://example.com/issue/42",
        client_msg_id = clientMsgId,
        data = new { first = new { value = "a first line that is far longer than twenty characters" }, thing1 = new { value }, time2 = new { value = "2024年5月4日" } },
    };

    [Fact]
    public async Task Keyword_values_over_20_characters_or_with_line_breaks_are_refused()
    {
        State.Followers.Seed(1);
        var token = await Api.TokenAsync();

        var longValue = await Api.PostAsync("/cgi-bin/message/template/send", token, Message(OpenId(0), value: new string('字', 21)));
        Assert.Equal(47003, Errcode(longValue));
        Assert.Contains("data.thing1.value", longValue.GetProperty("errmsg").GetString());
        Assert.Equal(47003, Errcode(await Api.PostAsync("/cgi-bin/message/template/send", token, Message(OpenId(0), value: "two\nlines"))));
        // System.Text.Json escapes emoji as \uD83D\uDE00 even with the relaxed encoder, which WeChat refuses (40033).
        var emoji = EmulatorApi.Serialize(Message(OpenId(0), value: new string('字', 19) + "😀"));
        Assert.Equal(40033, Errcode(await Api.PostRawAsync($"/cgi-bin/message/template/send?access_token={token}", emoji)));
        var literal = emoji.Replace("\\uD83D\\uDE00", "😀", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, Errcode(await Api.PostRawAsync($"/cgi-bin/message/template/send?access_token={token}", literal)));
        Assert.Equal(40037, Errcode(await Api.PostAsync("/cgi-bin/message/template/send", token, new { touser = OpenId(0), data = new { } })));
        Assert.Equal(40003, Errcode(await Api.PostAsync("/cgi-bin/message/template/send", token, Message("oNotAnOpenidOfThisAccount000"))));
        Assert.Equal(1, State.Deliveries.Total);
    }

    [Fact]
    public async Task Non_followers_get_43004_and_nothing_is_delivered()
    {
        State.Followers.Seed(2);
        await Api.AdminAsync("followers/unfollow", new { openids = new[] { OpenId(1) } });
        var token = await Api.TokenAsync();

        Assert.Equal(43004, Errcode(await Api.PostAsync("/cgi-bin/message/template/send", token, Message(OpenId(1)))));
        Assert.Equal(0, State.Deliveries.CountFor(OpenId(1)));
    }

    [Fact]
    public async Task Same_client_msg_id_within_10_minutes_returns_the_first_msgid_and_delivers_once()
    {
        State.Followers.Seed(2);
        var token = await Api.TokenAsync();

        var first = await Api.PostAsync("/cgi-bin/message/template/send", token, Message(OpenId(0), "issue42"));
        var msgId = first.GetProperty("msgid").GetInt64();
        Assert.True(msgId > int.MaxValue, "msgids are 64-bit");
        Advance(TimeSpan.FromMinutes(9));
        var retry = await Api.PostAsync("/cgi-bin/message/template/send", token, Message(OpenId(0), "issue42"));
        Assert.Equal(0, Errcode(retry));
        Assert.Equal(msgId, retry.GetProperty("msgid").GetInt64());
        var otherUser = await Api.PostAsync("/cgi-bin/message/template/send", token, Message(OpenId(1), "issue42"));
        Assert.NotEqual(msgId, otherUser.GetProperty("msgid").GetInt64());

        var record = await Api.GetAsync($"/_emulator/deliveries?openid={OpenId(0)}");
        var delivery = Assert.Single(record.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("template", delivery.GetProperty("channel").GetString());
        Assert.Equal("TPL_weekly", delivery.GetProperty("title").GetString());
        Assert.Equal(msgId, delivery.GetProperty("msg_id").GetInt64());

        Advance(TimeSpan.FromMinutes(2));
        var later = await Api.PostAsync("/cgi-bin/message/template/send", token, Message(OpenId(0), "issue42"));
        Assert.NotEqual(msgId, later.GetProperty("msgid").GetInt64());
        Assert.Equal(2, State.Deliveries.CountFor(OpenId(0)));
        Assert.Equal([OpenId(0)], State.Deliveries.Duplicates());
    }

    [Fact]
    public async Task Blocked_users_get_a_msgid_but_no_delivery()
    {
        State.Followers.Seed(1);
        await Api.AdminAsync("followers/block", new { openids = new[] { OpenId(0) } });
        var token = await Api.TokenAsync();

        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/template/send", token, Message(OpenId(0)))));
        Assert.Empty(State.Deliveries.For(OpenId(0)));
    }

    [Fact]
    public async Task Counts_per_openid_cover_every_channel()
    {
        State.Followers.Seed(3);
        var token = await Api.TokenAsync();
        await Api.PostAsync("/cgi-bin/message/template/send", token, Message(OpenId(0)));
        await Api.PostAsync("/cgi-bin/message/template/send", token, Message(OpenId(2)));
        await Api.PostAsync("/cgi-bin/message/mass/send", token,
            new { touser = new[] { OpenId(0), OpenId(1) }, msgtype = "text", text = new { content = "第42期" }, clientmsgid = "t" });

        var counts = State.Deliveries.CountsPerOpenId();
        Assert.Equal(2, counts[OpenId(0)]);
        Assert.Equal(1, counts[OpenId(1)]);
        Assert.Equal(1, counts[OpenId(2)]);
        Assert.Equal([DeliveryChannel.Template, DeliveryChannel.Mass], State.Deliveries.For(OpenId(0)).Select(d => d.Channel));
    }
}
