using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Emulator;

public sealed class MassSendTests : EmulatorTest
{
    protected override EmulatorOptions Options() => new() { RandomSeed = 42, SeedFollowers = 100 };

    private object Send(IEnumerable<string> openIds, string? clientMsgId, string content = "第42期") =>
        new { touser = openIds.ToArray(), msgtype = "text", text = new { content }, clientmsgid = clientMsgId };

    [Fact]
    public async Task Openid_lists_need_2_to_10000_entries_and_clientmsgids_64_bytes_at_most()
    {
        var token = await Api.TokenAsync();

        Assert.Equal(40130, Errcode(await Api.PostAsync("/cgi-bin/message/mass/send", token, Send([OpenId(0)], "a"))));
        Assert.Equal(40032, Errcode(await Api.PostAsync("/cgi-bin/message/mass/send", token, Send(Enumerable.Range(0, 10_001).Select(OpenId), "b"))));
        Assert.Equal(45067, Errcode(await Api.PostAsync("/cgi-bin/message/mass/send", token, Send([OpenId(0), OpenId(1)], new string('x', 65)))));
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/mass/send", token, Send([OpenId(0), OpenId(1)], new string('x', 64)))));
    }

    [Fact]
    public async Task A_clientmsgid_is_used_once_45066_within_a_minute_then_45065_with_the_job_id()
    {
        await Api.AdminAsync("followers/unfollow", new { openids = new[] { OpenId(2) } });
        var token = await Api.TokenAsync();
        var audience = new[] { OpenId(0), OpenId(1), OpenId(2) };

        var sent = await Api.PostAsync("/cgi-bin/message/mass/send", token, Send(audience, "issue-42"));
        Assert.Equal("send job submission success", sent.GetProperty("errmsg").GetString());
        var msgId = sent.GetProperty("msg_id").GetInt64();

        var tooFast = await Api.PostAsync("/cgi-bin/message/mass/send", token, Send(audience, "issue-42"));
        Assert.Equal(45066, Errcode(tooFast));
        Advance(TimeSpan.FromSeconds(61));
        var again = await Api.PostAsync("/cgi-bin/message/mass/send", token, Send(audience, "issue-42"));
        Assert.Equal(45065, Errcode(again));
        Assert.Equal(msgId, again.GetProperty("msg_id").GetInt64());

        Assert.Equal(1, State.Deliveries.CountFor(OpenId(0)));
        Assert.Equal(1, State.Deliveries.CountFor(OpenId(1)));
        Assert.Equal(0, State.Deliveries.CountFor(OpenId(2)));
        var job = await Api.PostAsync("/cgi-bin/message/mass/get", token, new { msg_id = msgId.ToString() });
        Assert.Equal("SEND_SUCCESS", job.GetProperty("msg_status").GetString());
    }

    [Fact]
    public async Task Identical_resends_without_clientmsgid_are_duplicates_too()
    {
        var token = await Api.TokenAsync();
        var first = await Api.PostAsync("/cgi-bin/message/mass/send", token, Send([OpenId(0), OpenId(1)], null));
        Advance(TimeSpan.FromMinutes(5));
        var resend = await Api.PostAsync("/cgi-bin/message/mass/send", token, Send([OpenId(1), OpenId(0)], null));
        Assert.Equal(45065, Errcode(resend));
        Assert.Equal(first.GetProperty("msg_id").GetInt64(), resend.GetProperty("msg_id").GetInt64());
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/mass/send", token, Send([OpenId(0), OpenId(1)], null, "第43期"))));
    }

    [Fact]
    public async Task Sendall_reaches_every_subscribed_follower_of_the_tag_or_account_once()
    {
        var token = await Api.TokenAsync();
        var tag = (await Api.PostAsync("/cgi-bin/tags/create", token, new { tag = new { name = "weekly" } })).GetProperty("tag").GetProperty("id").GetInt32();
        await Api.PostAsync("/cgi-bin/tags/members/batchtagging", token, new { openid_list = Enumerable.Range(0, 10).Select(OpenId).ToArray(), tagid = tag });
        await Api.AdminAsync("followers/unfollow", new { openids = new[] { OpenId(3), OpenId(50) } });

        var byTag = await Api.PostAsync("/cgi-bin/message/mass/sendall", token,
            new { filter = new { is_to_all = false, tag_id = tag }, msgtype = "text", text = new { content = "给周报读者" }, clientmsgid = "tag" });
        Assert.Equal(0, Errcode(byTag));
        var toAll = await Api.PostAsync("/cgi-bin/message/mass/sendall", token,
            new { filter = new { is_to_all = true }, msgtype = "text", text = new { content = "给所有人" }, clientmsgid = "all" });
        Assert.Equal(0, Errcode(toAll));

        var counts = State.Deliveries.CountsPerOpenId();
        Assert.Equal(2, counts[OpenId(0)]);
        Assert.Equal(1, counts[OpenId(10)]);
        Assert.False(counts.ContainsKey(OpenId(3)));
        Assert.False(counts.ContainsKey(OpenId(50)));
        Assert.Equal(98 + 9, State.Deliveries.Total);
        Assert.Empty(State.Deliveries.Duplicates());
        Assert.Equal(45159, Errcode(await Api.PostAsync("/cgi-bin/message/mass/sendall", token,
            new { filter = new { is_to_all = false, tag_id = 9999 }, msgtype = "text", text = new { content = "x" } })));
    }

    [Fact]
    public async Task Mass_requests_are_limited_to_60_a_minute()
    {
        var token = await Api.TokenAsync();
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/mass/send", token, Send([OpenId(0), OpenId(1)], $"m{i}"))));
        }

        Assert.Equal(45011, Errcode(await Api.PostAsync("/cgi-bin/message/mass/send", token, Send([OpenId(0), OpenId(1)], "m60"))));
        // The per-user cap of 4 mass messages a month (§1) filtered all but the first 4.
        Assert.Equal(4, State.Deliveries.CountFor(OpenId(0)));
    }

    [Fact]
    public async Task News_sends_use_a_draft_and_can_be_deleted_but_text_cannot()
    {
        var token = await Api.TokenAsync();
        var cover = await Api.UploadAsync($"/cgi-bin/material/add_material?access_token={token}&type=image", "cover.jpg", new byte[2048]);
        var draft = await Api.PostAsync("/cgi-bin/draft/add", token, new
        {
            articles = new[] { new { title = "第42期", author = "编辑部", digest = "本期", content = "<p>正文</p>", thumb_media_id = cover.GetProperty("media_id").GetString() } },
        });
        var mediaId = draft.GetProperty("media_id").GetString();

        var news = await Api.PostAsync("/cgi-bin/message/mass/sendall", token,
            new { filter = new { is_to_all = true }, mpnews = new { media_id = mediaId }, msgtype = "mpnews", send_ignore_reprint = 0, clientmsgid = "news-42" });
        Assert.True(news.GetProperty("msg_data_id").GetInt64() > 0);
        Assert.Equal("第42期", State.Deliveries.For(OpenId(7)).Single().Title);
        Assert.Equal(40007, Errcode(await Api.PostAsync("/cgi-bin/message/mass/sendall", token,
            new { filter = new { is_to_all = true }, mpnews = new { media_id = "nope" }, msgtype = "mpnews" })));

        var text = await Api.PostAsync("/cgi-bin/message/mass/send", token, Send([OpenId(0), OpenId(1)], "text"));
        Assert.Equal(40008, Errcode(await Api.PostAsync("/cgi-bin/message/mass/delete", token, new { msg_id = text.GetProperty("msg_id").GetInt64() })));
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/mass/delete", token, new { msg_id = news.GetProperty("msg_id").GetInt64(), article_idx = 0 })));
        var status = await Api.PostAsync("/cgi-bin/message/mass/get", token, new { msg_id = news.GetProperty("msg_id").GetInt64() });
        Assert.Equal("DELETE", status.GetProperty("msg_status").GetString());
    }

    [Fact]
    public async Task Preview_delivers_to_one_follower()
    {
        var token = await Api.TokenAsync();
        var preview = await Api.PostAsync("/cgi-bin/message/mass/preview", token, new { touser = OpenId(4), msgtype = "text", text = new { content = "预览" } });
        Assert.Equal("preview success", preview.GetProperty("errmsg").GetString());
        Assert.Equal(Subscription.WeChatEmulator.Deliveries.DeliveryChannel.Preview, State.Deliveries.For(OpenId(4)).Single().Channel);
    }
}
