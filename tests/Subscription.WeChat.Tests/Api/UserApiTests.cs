using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class UserApiTests
{
    private readonly FakeWeChat _weChat = new();

    [Fact]
    public async Task GetFollowersAsync_FirstPage_OmitsNextOpenIdAndParsesPage()
    {
        _weChat.On("GET", "cgi-bin/user/get", request =>
        {
            Assert.False(request.Query.ContainsKey("next_openid"));
            return """{"total":2,"count":2,"data":{"openid":["OPENID1","OPENID2"]},"next_openid":"OPENID2"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var page = await client.GetFollowersAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, page.Total);
        Assert.Equal(2, page.Count);
        Assert.Equal(["OPENID1", "OPENID2"], page.OpenIds);
        Assert.Equal("OPENID2", page.NextOpenId);
        Assert.False(page.IsEnd);
    }

    [Fact]
    public async Task GetFollowersAsync_NextOpenId_SentInQuery()
    {
        _weChat.On("GET", "cgi-bin/user/get", request =>
        {
            Assert.Equal("OPENID2", request.RequireQuery("next_openid"));
            return """{"total":3,"count":1,"data":{"openid":["OPENID3"]},"next_openid":"OPENID3"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var page = await client.GetFollowersAsync("OPENID2", TestContext.Current.CancellationToken);

        Assert.Equal(["OPENID3"], page.OpenIds);
    }

    [Theory]
    [InlineData("""{"total":2,"count":0,"next_openid":""}""")]
    [InlineData("""{"total":2,"count":0,"data":{"openid":[]},"next_openid":"OPENID2"}""")]
    [InlineData("""{"total":2,"count":2,"next_openid":"OPENID2"}""")]
    public async Task GetFollowersAsync_EmptyOrMissingData_IsEnd(string body)
    {
        _weChat.On("GET", "cgi-bin/user/get", _ => body);
        var (client, _) = _weChat.CreateApiClient();

        var page = await client.GetFollowersAsync("OPENID2", TestContext.Current.CancellationToken);

        Assert.True(page.IsEnd);
        Assert.Empty(page.OpenIds);
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task GetUserInfosAsync_TwoUsers_PostsUserListAndParsesInfos()
    {
        _weChat.On("POST", "cgi-bin/user/info/batchget", request =>
        {
            Assert.Equal(2, request.RequireArray("user_list").Count);
            Assert.Equal("o_follower", request.RequireString("user_list.0.openid"));
            Assert.Equal("zh_CN", request.RequireString("user_list.0.lang"));
            Assert.Equal("o_gone", request.RequireString("user_list.1.openid"));
            return """
                {"user_info_list":[
                  {"subscribe":1,"openid":"o_follower","language":"zh_CN","subscribe_time":1700000000,"unionid":"u_1",
                   "remark":"","groupid":0,"tagid_list":[128,2],"subscribe_scene":"ADD_SCENE_QR_CODE","qr_scene":98765,"qr_scene_str":"issue-42"},
                  {"subscribe":0,"openid":"o_gone","unionid":"u_2"}]}
                """;
        });
        var (client, _) = _weChat.CreateApiClient();

        var users = await client.GetUserInfosAsync(["o_follower", "o_gone"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, users.Count);
        var follower = users[0];
        Assert.True(follower.Subscribed);
        Assert.Equal("o_follower", follower.OpenId);
        Assert.Equal("u_1", follower.UnionId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), follower.SubscribedAt);
        Assert.Equal("ADD_SCENE_QR_CODE", follower.SubscribeScene);
        Assert.Equal(98765, follower.QrScene);
        Assert.Equal("issue-42", follower.QrSceneStr);
        Assert.Equal([128, 2], follower.TagIds);
        Assert.False(users[1].Subscribed);
        Assert.Null(users[1].SubscribedAt);
        Assert.Empty(users[1].TagIds);
    }

    [Fact]
    public async Task GetUserInfosAsync_HundredOpenIds_Accepted()
    {
        _weChat.On("POST", "cgi-bin/user/info/batchget", request =>
        {
            Assert.Equal(100, request.RequireArray("user_list").Count);
            return """{"user_info_list":[]}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var users = await client.GetUserInfosAsync(OpenIds(100), "en", TestContext.Current.CancellationToken);

        Assert.Empty(users);
    }

    [Fact]
    public async Task GetUserInfosAsync_HundredAndOneOpenIds_ThrowsBeforeAnyRequest()
    {
        var (client, tokens) = _weChat.CreateApiClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetUserInfosAsync(OpenIds(101), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Empty(_weChat.Requests);
        Assert.Null(tokens.Cached);
    }

    [Fact]
    public async Task GetUserInfosAsync_NoOpenIds_ReturnsEmptyWithoutRequest()
    {
        var (client, _) = _weChat.CreateApiClient();

        Assert.Empty(await client.GetUserInfosAsync([], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(_weChat.Requests);
    }

    internal static string[] OpenIds(int count) => Enumerable.Range(0, count).Select(i => $"o_user_{i:D5}").ToArray();
}
