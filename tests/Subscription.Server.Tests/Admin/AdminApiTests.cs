using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Admin;

[Trait("Category", "Storage")]
public sealed class AdminApiTests(StoreFixture store) : IAsyncLifetime
{
    private readonly ServerFactory _server = new(store);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("test-admin-key-012345678")]
    [InlineData("test-admin-key-0123456789x")]
    public async Task Get_WithoutTheRightKey_Unauthorized(string? key)
    {
        var client = _server.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        using var stats = await client.GetAsync("/admin/api/stats");
        using var subscriber = await client.GetAsync("/admin/api/subscribers/oAnyone");

        Assert.Equal(HttpStatusCode.Unauthorized, stats.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, subscriber.StatusCode);
        Assert.Contains("X-Api-Key", await stats.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetSubscriber_Unknown_NotFoundWithMessage()
    {
        using var response = await _server.CreateAdminClient().GetAsync("/admin/api/subscribers/oNobody");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("oNobody", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetSubscriber_AfterFollow_HasTheDocumentedShape()
    {
        var wechat = new WeChatSender(_server.CreateClient());
        (await wechat.PostAsync(CallbackXml.Subscribe("oShape", WeChatSender.Now, "s1"))).Dispose();

        var json = await _server.CreateAdminClient().GetFromJsonAsync<JsonElement>("/admin/api/subscribers/oShape", TestContext.Current.CancellationToken);

        var names = json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["firstSubscribedAt", "lastInteractionAt", "lastSubscribedAt", "openId", "pushEnabled", "scene", "sections", "status", "unsubscribedAt"],
            names);
        Assert.Equal("oShape", json.GetProperty("openId").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("unsubscribedAt").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("sections").ValueKind);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", json.GetProperty("firstSubscribedAt").GetString());
    }

    [Fact]
    public async Task GetStats_Empty_AllZero()
    {
        var json = await _server.CreateAdminClient().GetFromJsonAsync<JsonElement>("/admin/api/stats", TestContext.Current.CancellationToken);
        Assert.Equal(0, json.GetProperty("active").GetInt64());
        Assert.Equal(0, json.GetProperty("followsToday").GetInt64());
        Assert.Equal(0, json.GetProperty("unfollowsToday").GetInt64());
        Assert.Empty(json.GetProperty("byScene").EnumerateObject());
    }
}
