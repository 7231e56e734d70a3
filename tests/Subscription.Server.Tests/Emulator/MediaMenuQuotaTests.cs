using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Emulator;

public sealed class MediaMenuQuotaTests : EmulatorTest
{
    protected override EmulatorOptions Options() => new()
    {
        RandomSeed = 42,
        DailyLimits = new() { ["/cgi-bin/user/get"] = 3 },
    };

    [Fact]
    public async Task Drafts_need_a_cover_and_content_under_20000_characters()
    {
        var token = await Api.TokenAsync();
        var cover = (await Api.UploadAsync($"/cgi-bin/material/add_material?access_token={token}&type=image", "c.jpg", new byte[100])).GetProperty("media_id").GetString();
        object Draft(string content, string? thumb) => new { articles = new[] { new { title = "t", content, thumb_media_id = thumb } } };

        Assert.Equal(40007, Errcode(await Api.PostAsync("/cgi-bin/draft/add", token, Draft("<p>x</p>", "missing"))));
        Assert.Equal(45002, Errcode(await Api.PostAsync("/cgi-bin/draft/add", token, Draft(new string('字', 20_000), cover))));
        Assert.False(string.IsNullOrEmpty((await Api.PostAsync("/cgi-bin/draft/add", token, Draft(new string('字', 19_999), cover))).GetProperty("media_id").GetString()));
    }

    [Fact]
    public async Task Uploadimg_takes_jpg_or_png_up_to_1_MB()
    {
        var token = await Api.TokenAsync();
        var ok = await Api.UploadAsync($"/cgi-bin/media/uploadimg?access_token={token}", "inline.png", new byte[1024]);
        Assert.StartsWith("http://mmbiz.qpic.cn/", ok.GetProperty("url").GetString());
        Assert.Equal(40009, Errcode(await Api.UploadAsync($"/cgi-bin/media/uploadimg?access_token={token}", "big.jpg", new byte[1024 * 1024 + 1])));
        Assert.Equal(40005, Errcode(await Api.UploadAsync($"/cgi-bin/media/uploadimg?access_token={token}", "anim.gif", new byte[10])));
    }

    [Fact]
    public async Task Menus_are_validated_stored_and_deleted()
    {
        var token = await Api.TokenAsync();
        var click = new { type = "click", name = "最新一期", key = "LATEST_ISSUE" };
        Assert.Equal(40016, Errcode(await Api.PostAsync("/cgi-bin/menu/create", token, new { button = new[] { click, click, click, click } })));
        Assert.Equal(40018, Errcode(await Api.PostAsync("/cgi-bin/menu/create", token, new { button = new[] { new { type = "click", name = "一二三四五六", key = "K" } } })));
        var longSub = new { name = "订阅", sub_button = new object[] { new { type = "view", name = new string('长', 21), url = "https://example.com" } } };
        Assert.Equal(40025, Errcode(await Api.PostAsync("/cgi-bin/menu/create", token, new { button = new object[] { longSub } })));
        Assert.Equal(46003, Errcode(await Api.GetAsync($"/cgi-bin/menu/get?access_token={token}")));

        var menu = new { button = new object[] { click, new { name = "订阅", sub_button = new object[] { new { type = "click", name = "订阅周报", key = "SUB_WEEKLY" } } } } };
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/menu/create", token, menu)));
        var stored = await Api.GetAsync($"/cgi-bin/menu/get?access_token={token}");
        Assert.Equal("LATEST_ISSUE", stored.GetProperty("menu").GetProperty("button")[0].GetProperty("key").GetString());
        Assert.Equal(0, Errcode(await Api.GetAsync($"/cgi-bin/menu/delete?access_token={token}")));
        Assert.Equal(46003, Errcode(await Api.GetAsync($"/cgi-bin/menu/get?access_token={token}")));
    }

    [Fact]
    public async Task Daily_quotas_run_out_with_45009_and_quota_get_reports_them()
    {
        var token = await Api.TokenAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={token}")));
        }

        Assert.Equal(45009, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={token}")));
        var quota = await Api.PostAsync("/cgi-bin/openapi/quota/get", token, new { cgi_path = "/cgi-bin/user/get" });
        Assert.Equal(3, quota.GetProperty("quota").GetProperty("daily_limit").GetInt32());
        Assert.Equal(0, quota.GetProperty("quota").GetProperty("remain").GetInt32());
        var mass = await Api.PostAsync("/cgi-bin/openapi/quota/get", token, new { cgi_path = "/cgi-bin/message/mass/sendall" });
        Assert.Equal(60, mass.GetProperty("rate_limit").GetProperty("call_count").GetInt32());

        // Quotas reset at midnight Beijing time.
        Advance(TimeSpan.FromDays(1));
        token = await Api.TokenAsync();
        Assert.Equal(0, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={token}")));
    }
}
