using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class TagApiTests
{
    private readonly FakeWeChat _weChat = new();

    [Fact]
    public async Task CreateTagAsync_ChineseName_PostsTagNameAndReturnsTag()
    {
        _weChat.On("POST", "cgi-bin/tags/create", request =>
        {
            Assert.Equal("周报", request.RequireString("tag.name"));
            request.RequireAbsent("tag.id");
            return """{"tag":{"id":134,"name":"周报"}}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var tag = await client.CreateTagAsync("周报", TestContext.Current.CancellationToken);

        Assert.Equal(134, tag.Id);
        Assert.Equal("周报", tag.Name);
    }

    [Fact]
    public async Task GetTagsAsync_Success_ParsesTagsWithCounts()
    {
        _weChat.On("GET", "cgi-bin/tags/get", _ => """{"tags":[{"id":2,"name":"星标组","count":0},{"id":134,"name":"weekly","count":1234}]}""");
        var (client, _) = _weChat.CreateApiClient();

        var tags = await client.GetTagsAsync(TestContext.Current.CancellationToken);

        Assert.Equal([2, 134], tags.Select(t => t.Id));
        Assert.Equal(1234, tags[1].Count);
    }

    [Theory]
    [InlineData("cgi-bin/tags/members/batchtagging", true)]
    [InlineData("cgi-bin/tags/members/batchuntagging", false)]
    public async Task ChangeTagMembers_TwoOpenIds_PostsOpenIdListAndNumericTagId(string path, bool tagging)
    {
        _weChat.On("POST", path, request =>
        {
            Assert.Equal(["o_1", "o_2"], request.RequireStrings("openid_list"));
            Assert.Equal(134, request.RequireNumber("tagid"));
            return """{"errcode":0,"errmsg":"ok"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var call = tagging
            ? client.TagFollowersAsync(134, ["o_1", "o_2"], TestContext.Current.CancellationToken)
            : client.UntagFollowersAsync(134, ["o_1", "o_2"], TestContext.Current.CancellationToken);
        await call;

        Assert.Single(_weChat.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(WeChatApiClient.MaxTagBatch + 1)]
    public async Task TagFollowersAsync_BatchSizeOutOfRange_ThrowsBeforeAnyRequest(int count)
    {
        var (client, _) = _weChat.CreateApiClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.TagFollowersAsync(134, UserApiTests.OpenIds(count), TestContext.Current.CancellationToken));

        Assert.Empty(_weChat.Requests);
    }

    [Fact]
    public async Task GetTagFollowersAsync_Paged_PostsTagIdAndNextOpenId()
    {
        _weChat.On("POST", "cgi-bin/user/tag/get", request =>
        {
            Assert.Equal(134, request.RequireNumber("tagid"));
            Assert.Equal("", request.RequireString("next_openid"));
            return """{"count":2,"data":{"openid":["o_1","o_2"]},"next_openid":"o_2"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var page = await client.GetTagFollowersAsync(134, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["o_1", "o_2"], page.OpenIds);
        Assert.Equal("o_2", page.NextOpenId);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task CreateTagAsync_DuplicateName_ThrowsRequestClass()
    {
        _weChat.On("POST", "cgi-bin/tags/create", _ => throw new FakeRejection(45157, "invalid tag name"));
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.CreateTagAsync("weekly", TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Request, e.Class);
        Assert.Equal("cgi-bin/tags/create", e.Endpoint);
    }
}
