using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

/// <summary>GETs may go through a client that retries; every POST, which may be a send, through the other.</summary>
public sealed class ReadClientTests
{
    private const string Ok = """{"errcode":0,"errmsg":"ok"}""";

    private readonly FakeWeChat _sends = new();
    private readonly FakeWeChat _reads = new();

    public ReadClientTests()
    {
        foreach (var weChat in new[] { _sends, _reads })
        {
            weChat.On("GET", "cgi-bin/user/get", _ => """{"total":1,"count":1,"data":{"openid":["OPENID1"]},"next_openid":"OPENID1"}""");
            weChat.On("GET", "cgi-bin/menu/delete", _ => Ok);
            weChat.On("POST", "cgi-bin/message/custom/send", _ => Ok);
        }
    }

    [Fact]
    public async Task GetsGoToTheReadClient_PostsToTheOther()
    {
        var client = new WeChatApiClient(_sends.CreateHttpClient(), new FakeTokenProvider(_sends), _reads.CreateHttpClient());
        var cancel = TestContext.Current.CancellationToken;

        await client.GetFollowersAsync(cancellationToken: cancel);
        await client.SendCustomTextAsync("o_follower", "hello", cancel);
        await client.DeleteMenuAsync(cancel);

        Assert.Equal(["GET cgi-bin/user/get", "GET cgi-bin/menu/delete"], _reads.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(["POST cgi-bin/message/custom/send"], _sends.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task WithoutAReadClient_EverythingGoesThroughTheOne()
    {
        var client = new WeChatApiClient(_sends.CreateHttpClient(), new FakeTokenProvider(_sends));
        var cancel = TestContext.Current.CancellationToken;

        await client.GetFollowersAsync(cancellationToken: cancel);
        await client.SendCustomTextAsync("o_follower", "hello", cancel);

        Assert.Equal(["GET cgi-bin/user/get", "POST cgi-bin/message/custom/send"], _sends.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Empty(_reads.Requests);
    }
}
