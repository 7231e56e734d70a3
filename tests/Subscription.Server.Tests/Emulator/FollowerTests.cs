using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Emulator;

public sealed class FollowerTests : EmulatorTest
{
    [Fact]
    public async Task User_get_pages_25000_followers_10000_at_a_time()
    {
        await Api.AdminAsync("followers/seed", new { count = 25_000 });
        await Api.AdminAsync("followers/unfollow", new { openids = new[] { OpenId(5), OpenId(24_999) } });
        var token = await Api.TokenAsync();

        var seen = new List<string>();
        var counts = new List<int>();
        var next = "";
        while (true)
        {
            var page = await Api.GetAsync($"/cgi-bin/user/get?access_token={token}&next_openid={next}");
            Assert.Equal(24_998, page.GetProperty("total").GetInt32());
            var count = page.GetProperty("count").GetInt32();
            counts.Add(count);
            if (count == 0)
            {
                Assert.False(page.TryGetProperty("data", out _));
                Assert.Equal("", page.GetProperty("next_openid").GetString());
                break;
            }

            var openIds = page.GetProperty("data").GetProperty("openid").EnumerateArray().Select(o => o.GetString()!).ToList();
            Assert.Equal(count, openIds.Count);
            Assert.Equal(openIds[^1], page.GetProperty("next_openid").GetString());
            seen.AddRange(openIds);
            next = openIds[^1];
        }

        Assert.Equal([10_000, 10_000, 4_998, 0], counts);
        Assert.Equal(24_998, seen.Distinct().Count());
        Assert.DoesNotContain(OpenId(5), seen);
        Assert.All(seen, openId => Assert.Equal(28, openId.Length));
    }

    [Fact]
    public async Task Batchget_answers_followers_and_former_followers_and_caps_at_100()
    {
        State.Followers.Seed(150);
        State.Followers.Unfollow(1);
        var token = await Api.TokenAsync();

        var body = await Api.PostAsync("/cgi-bin/user/info/batchget", token,
            new { user_list = new[] { new { openid = OpenId(0), lang = "zh_CN" }, new { openid = OpenId(1), lang = "zh_CN" } } });
        var users = body.GetProperty("user_info_list").EnumerateArray().ToList();
        Assert.Equal(1, users[0].GetProperty("subscribe").GetInt32());
        Assert.True(users[0].GetProperty("subscribe_time").GetInt64() > 0);
        Assert.Equal(0, users[0].GetProperty("tagid_list").GetArrayLength());
        Assert.False(users[0].TryGetProperty("nickname", out _));
        Assert.Equal($$"""{"subscribe":0,"openid":"{{OpenId(1)}}"}""", users[1].GetRawText());

        var tooMany = Enumerable.Range(0, 101).Select(i => new { openid = OpenId(i), lang = "zh_CN" }).ToArray();
        Assert.Equal(40032, Errcode(await Api.PostAsync("/cgi-bin/user/info/batchget", token, new { user_list = tooMany })));
        Assert.Equal(40003, Errcode(await Api.PostAsync("/cgi-bin/user/info/batchget", token,
            new { user_list = new[] { new { openid = "oSomeoneElsesAccount000000000" } } })));
    }

    [Fact]
    public async Task Openids_of_another_account_are_invalid_here()
    {
        State.Followers.Seed(3);
        await using var other = await EmulatorHost.StartAsync(new EmulatorOptions { AppId = "wx1111111111111111", SeedFollowers = 3 });
        var foreign = other.State.Followers.OpenId(0);
        var token = await Api.TokenAsync();

        Assert.NotEqual(OpenId(0), foreign);
        Assert.Equal(40003, Errcode(await Api.GetAsync($"/cgi-bin/user/info?access_token={token}&openid={foreign}")));
        Assert.Equal(1, (await Api.GetAsync($"/cgi-bin/user/info?access_token={token}&openid={OpenId(0)}")).GetProperty("subscribe").GetInt32());
    }

    [Fact]
    public async Task Tags_are_created_assigned_listed_and_guarded()
    {
        State.Followers.Seed(20);
        var token = await Api.TokenAsync();

        var created = await Api.PostAsync("/cgi-bin/tags/create", token, new { tag = new { name = "周报" } });
        var id = created.GetProperty("tag").GetProperty("id").GetInt32();
        Assert.Equal(45157, Errcode(await Api.PostAsync("/cgi-bin/tags/create", token, new { tag = new { name = "周报" } })));
        Assert.Equal(45158, Errcode(await Api.PostAsync("/cgi-bin/tags/create", token, new { tag = new { name = new string('长', 11) } })));

        var members = new[] { OpenId(2), OpenId(3), OpenId(4) };
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/tags/members/batchtagging", token, new { openid_list = members, tagid = id })));
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/tags/members/batchuntagging", token, new { openid_list = new[] { OpenId(3) }, tagid = id })));

        var ids = await Api.PostAsync("/cgi-bin/tags/getidlist", token, new { openid = OpenId(2) });
        Assert.Equal([id], ids.GetProperty("tagid_list").EnumerateArray().Select(e => e.GetInt32()));
        var list = await Api.GetAsync($"/cgi-bin/tags/get?access_token={token}");
        Assert.Contains(list.GetProperty("tags").EnumerateArray(), t => t.GetProperty("id").GetInt32() == id && t.GetProperty("count").GetInt32() == 2);
        var tagged = await Api.PostAsync("/cgi-bin/user/tag/get", token, new { tagid = id, next_openid = "" });
        Assert.Equal([OpenId(2), OpenId(4)], tagged.GetProperty("data").GetProperty("openid").EnumerateArray().Select(e => e.GetString()));

        Assert.Equal(45058, Errcode(await Api.PostAsync("/cgi-bin/tags/delete", token, new { tag = new { id = 2 } })));
        Assert.Equal(45159, Errcode(await Api.PostAsync("/cgi-bin/tags/members/batchtagging", token, new { openid_list = members, tagid = 999 })));
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/tags/delete", token, new { tag = new { id } })));
    }

    [Fact]
    public async Task Drift_moves_followers_in_and_out()
    {
        await Api.AdminAsync("followers/seed", new { count = 1_000 });
        var drift = await Api.AdminAsync("followers/drift", new { unfollow = 50, refollow = 0, @new = 20 });

        Assert.Equal(50, drift.GetProperty("unfollowed").GetArrayLength());
        Assert.Equal(20, drift.GetProperty("added").GetArrayLength());
        Assert.Equal(970, drift.GetProperty("subscribed").GetInt32());
        var gone = drift.GetProperty("unfollowed")[0].GetString()!;
        var token = await Api.TokenAsync();
        Assert.Equal(0, (await Api.GetAsync($"/cgi-bin/user/info?access_token={token}&openid={gone}")).GetProperty("subscribe").GetInt32());
    }
}
