using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>Reads state back through the admin API, as staff would.</summary>
public sealed class AdminApi(HttpClient client)
{
    public async Task<JsonElement?> SubscriberAsync(string openId)
    {
        using var response = await client.GetAsync($"/admin/api/subscribers/{openId}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> StatsAsync()
    {
        using var response = await client.GetAsync("/admin/api/stats");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
