using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class MediaApiTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x0D, 0x0A, 0xFF, 0xD9];

    private readonly FakeWeChat _weChat = new();

    [Fact]
    public async Task AddDraftAsync_FullArticle_PostsArticlesAndReturnsMediaId()
    {
        _weChat.On("POST", "cgi-bin/draft/add", request =>
        {
            Assert.Single(request.RequireArray("articles"));
            Assert.Equal("news", request.RequireString("articles.0.article_type"));
            Assert.Equal("第42期：本周精选 ✨", request.RequireString("articles.0.title"));
            Assert.Equal("编辑部", request.RequireString("articles.0.author"));
            Assert.Equal("摘要", request.RequireString("articles.0.digest"));
            Assert.Equal("<p>正文 &amp; 图片 <img src=\"https://mmbiz.qpic.cn/x.jpg\"/></p>", request.RequireString("articles.0.content"));
            Assert.Equal("https://example.com/issue/42", request.RequireString("articles.0.content_source_url"));
            Assert.Equal("THUMB_MEDIA_ID", request.RequireString("articles.0.thumb_media_id"));
            Assert.Equal(1, request.RequireFlag("articles.0.need_open_comment"));
            Assert.Equal(0, request.RequireFlag("articles.0.only_fans_can_comment"));
            return """{"media_id":"DRAFT_MEDIA_ID"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var mediaId = await client.AddDraftAsync([new DraftArticle
        {
            Title = "第42期：本周精选 ✨",
            Author = "编辑部",
            Digest = "摘要",
            Content = "<p>正文 &amp; 图片 <img src=\"https://mmbiz.qpic.cn/x.jpg\"/></p>",
            ContentSourceUrl = "https://example.com/issue/42",
            ThumbMediaId = "THUMB_MEDIA_ID",
            NeedOpenComment = true,
        }], TestContext.Current.CancellationToken);

        Assert.Equal("DRAFT_MEDIA_ID", mediaId);
    }

    [Fact]
    public async Task AddDraftAsync_NoArticles_ThrowsBeforeAnyRequest()
    {
        var (client, _) = _weChat.CreateApiClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.AddDraftAsync([], TestContext.Current.CancellationToken));

        Assert.Empty(_weChat.Requests);
    }

    [Fact]
    public async Task AddImageMaterialAsync_Jpeg_UploadsMultipartMediaAndReturnsMediaIdAndUrl()
    {
        _weChat.On("POST", "cgi-bin/material/add_material", request =>
        {
            Assert.Equal("image", request.RequireQuery("type"));
            var file = request.RequireFile();
            Assert.Equal("cover.jpg", file.RequireMediaFileName());
            Assert.Equal("image/jpeg", file.ContentType);
            Assert.Equal(Jpeg, file.Bytes);
            return """{"media_id":"THUMB_MEDIA_ID","url":"http://mmbiz.qpic.cn/cover.jpg"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var material = await client.AddImageMaterialAsync("cover.jpg", Jpeg, TestContext.Current.CancellationToken);

        Assert.Equal(new UploadedMaterial("THUMB_MEDIA_ID", "http://mmbiz.qpic.cn/cover.jpg"), material);
    }

    [Fact]
    public async Task AddImageMaterialAsync_NonAsciiNameAndUpperCaseExtension_SendsSafeName()
    {
        _weChat.On("POST", "cgi-bin/material/add_material", request =>
        {
            var file = request.RequireFile();
            Assert.Equal("___2.png", file.RequireMediaFileName());
            Assert.Equal("image/png", file.ContentType);
            return """{"media_id":"M","url":"http://mmbiz.qpic.cn/m.png"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        await client.AddImageMaterialAsync("封面 2.PNG", Jpeg, TestContext.Current.CancellationToken);

        Assert.Single(_weChat.Requests);
    }

    [Fact]
    public async Task UploadArticleImageAsync_Png_UploadsMultipartAndReturnsUrl()
    {
        _weChat.On("POST", "cgi-bin/media/uploadimg", request =>
        {
            var file = request.RequireFile();
            Assert.Equal("inline.png", file.RequireMediaFileName());
            Assert.Equal(Jpeg, file.Bytes);
            return """{"url":"http://mmbiz.qpic.cn/mmbiz_png/abc/0"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var url = await client.UploadArticleImageAsync("inline.png", Jpeg, TestContext.Current.CancellationToken);

        Assert.Equal("http://mmbiz.qpic.cn/mmbiz_png/abc/0", url);
    }

    [Theory]
    [InlineData("inline.gif", 10)]
    [InlineData("inline", 10)]
    [InlineData("inline.jpg", 0)]
    [InlineData("inline.jpg", WeChatApiClient.MaxArticleImageBytes + 1)]
    public async Task UploadArticleImageAsync_UnsupportedTypeOrSize_ThrowsBeforeAnyRequest(string fileName, int size)
    {
        var (client, _) = _weChat.CreateApiClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.UploadArticleImageAsync(fileName, new byte[size], TestContext.Current.CancellationToken));

        Assert.Empty(_weChat.Requests);
    }

    [Fact]
    public async Task GetApiQuotaAsync_CgiPath_PostsPathAndParsesQuota()
    {
        _weChat.On("POST", "cgi-bin/openapi/quota/get", request =>
        {
            Assert.Equal("/cgi-bin/message/custom/send", request.RequireString("cgi_path"));
            return """{"errcode":0,"errmsg":"ok","quota":{"daily_limit":500000,"used":12,"remain":499988},"rate_limit":{"call_count":100,"refresh_second":60}}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var quota = await client.GetApiQuotaAsync("/cgi-bin/message/custom/send", TestContext.Current.CancellationToken);

        Assert.Equal(new ApiQuota(500000, 12, 499988), quota);
    }
}
