using System.Diagnostics;
using System.Net;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Faults;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Emulator;

public sealed class FaultTests : EmulatorTest
{
    protected override EmulatorOptions Options() => new()
    {
        RandomSeed = 7,
        SeedFollowers = 10,
        EnforceQuotas = false,
        Faults = new FaultSettings { Families = { [ApiFamily.Menu] = new FaultProfile { Latency = TimeSpan.FromMilliseconds(300) } } },
    };

    private static object Template(string openId) =>
        new { touser = openId, template_id = "TPL", data = new { thing1 = new { value = "第42期" } } };

    [Fact]
    public async Task Errcodes_are_injected_at_the_configured_rate_and_deliver_nothing()
    {
        var profile = await Api.Http.PutAsync("/_emulator/faults/template", new StringContent(
            """{"error_rates":{"-1":0.3}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var token = await Api.TokenAsync();

        var busy = 0;
        for (var i = 0; i < 300; i++)
        {
            busy += Errcode(await Api.PostAsync("/cgi-bin/message/template/send", token, Template(OpenId(i % 10)))) == -1 ? 1 : 0;
        }

        Assert.InRange(busy, 60, 120);
        Assert.Equal(300 - busy, State.Deliveries.Total);
        Assert.Equal(busy, State.Faults.Injected[FaultKind.Errcode]);

        await Api.Http.DeleteAsync("/_emulator/faults");
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/template/send", token, Template(OpenId(0)))));
    }

    [Fact]
    public async Task Http_500s_are_injected_at_the_configured_rate()
    {
        State.Faults.Set(ApiFamily.User, new FaultProfile { Http500Rate = 0.2 });
        var token = await Api.TokenAsync();

        var failures = 0;
        for (var i = 0; i < 200; i++)
        {
            using var response = await Api.Http.GetAsync($"/cgi-bin/user/get?access_token={token}");
            failures += response.StatusCode == HttpStatusCode.InternalServerError ? 1 : 0;
        }

        Assert.InRange(failures, 20, 60);
    }

    [Fact]
    public async Task A_time_out_after_delivering_still_delivers()
    {
        State.Faults.Set(ApiFamily.Template, new FaultProfile { TimeoutAfterDeliveryRate = 1 });
        var token = await Api.TokenAsync();
        using var impatient = Host.CreateClient();
        impatient.Timeout = TimeSpan.FromSeconds(1);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostAsync(
            $"/cgi-bin/message/template/send?access_token={token}", new StringContent(EmulatorApi.Serialize(Template(OpenId(0))))));
        Assert.Equal(1, State.Deliveries.CountFor(OpenId(0)));
    }

    [Fact]
    public async Task A_dropped_connection_after_delivering_still_delivers_and_a_plain_time_out_does_not()
    {
        var token = await Api.TokenAsync();
        State.Faults.Set(ApiFamily.Template, new FaultProfile { DropAfterDeliveryRate = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() => Api.Http.PostAsync(
            $"/cgi-bin/message/template/send?access_token={token}", new StringContent(EmulatorApi.Serialize(Template(OpenId(1))))));
        Assert.Equal(1, State.Deliveries.CountFor(OpenId(1)));

        State.Faults.Set(ApiFamily.Template, new FaultProfile { TimeoutRate = 1 });
        using var impatient = Host.CreateClient();
        impatient.Timeout = TimeSpan.FromMilliseconds(500);
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostAsync(
            $"/cgi-bin/message/template/send?access_token={token}", new StringContent(EmulatorApi.Serialize(Template(OpenId(2))))));
        Assert.Equal(0, State.Deliveries.CountFor(OpenId(2)));
    }

    [Fact]
    public async Task Latency_from_options_applies_to_its_family_only()
    {
        var token = await Api.TokenAsync();
        var watch = Stopwatch.StartNew();
        await Api.GetAsync($"/cgi-bin/menu/get?access_token={token}");
        Assert.True(watch.ElapsedMilliseconds >= 290, $"menu/get took {watch.ElapsedMilliseconds} ms");

        var settings = await Api.GetAsync("/_emulator/faults");
        Assert.Equal("00:00:00.3000000", settings.GetProperty("settings").GetProperty("families").GetProperty("menu").GetProperty("latency").GetString());
    }
}
