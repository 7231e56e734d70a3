using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Emulator;

public sealed class SubscriptionAccountTests : EmulatorTest
{
    protected override EmulatorOptions Options() => new() { AccountType = AccountType.Subscription, SeedFollowers = 3 };

    [Fact]
    public async Task A_subscription_account_sends_to_everyone_once_a_day_and_has_no_list_or_template_sends()
    {
        var token = await Api.TokenAsync();
        object ToAll(string id) => new { filter = new { is_to_all = true }, msgtype = "text", text = new { content = id }, clientmsgid = id };

        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/mass/sendall", token, ToAll("monday"))));
        Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(45065, Errcode(await Api.PostAsync("/cgi-bin/message/mass/sendall", token, ToAll("monday"))));
        Assert.Equal(45028, Errcode(await Api.PostAsync("/cgi-bin/message/mass/sendall", token, ToAll("monday-2"))));
        Assert.Equal(48001, Errcode(await Api.PostAsync("/cgi-bin/message/mass/send", token,
            new { touser = new[] { OpenId(0), OpenId(1) }, msgtype = "text", text = new { content = "x" } })));
        Assert.Equal(48001, Errcode(await Api.PostAsync("/cgi-bin/message/template/send", token,
            new { touser = OpenId(0), template_id = "TPL", data = new { } })));

        Advance(TimeSpan.FromDays(1));
        token = await Api.TokenAsync();
        Assert.Equal(0, Errcode(await Api.PostAsync("/cgi-bin/message/mass/sendall", token, ToAll("tuesday"))));
        Assert.Equal(2, State.Deliveries.CountFor(OpenId(2)));
    }
}
