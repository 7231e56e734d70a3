using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Hosting;

public sealed class HealthTests(StoreFixture store)
{
    [Fact]
    [Trait("Category", "Storage")]
    public async Task Healthz_StoreUp_Healthy()
    {
        await using var server = new ServerFactory(store);
        using var response = await server.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", json.GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_StoreUnreachable_ServiceUnavailable()
    {
        await using var server = new ServerFactory(store, new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = $"127.0.0.1:{StoreFixture.FreePort()},connectTimeout=200",
        });
        using var response = await server.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", json.GetProperty("storage").GetProperty("status").GetString());

        using var live = await server.CreateClient().GetAsync("/livez");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
