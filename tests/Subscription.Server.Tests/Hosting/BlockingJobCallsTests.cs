using System.Net;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Hosting;

/// <summary>
/// Hangfire's calls block their thread until the store answers, and the answers are read by thread-pool work. Made
/// from requests on thread-pool threads, a burst of them left no thread to read the answers: on a 2-core machine 16
/// at once waited 6-10 s and failed at the store's 5 s time-out. The server runs in its own process here, with the
/// thread pool it ships with.
/// </summary>
[Trait("Category", "Storage")]
public sealed class BlockingJobCallsTests(StoreFixture store)
{
    private const int Requests = 32;

    [Fact]
    public async Task ManyJobCreatingRequestsAtOnce_EachIsAccepted()
    {
        await using var wechat = await EmulatorHost.StartAsync();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = store.ConnectionString,
            ["Redis:KeyPrefix"] = StoreFixture.NewPrefix(),
            ["WeChat:AppId"] = wechat.State.Options.AppId,
            ["WeChat:AppSecret"] = wechat.State.Options.AppSecret,
            ["WeChat:ApiBaseUrl"] = wechat.BaseAddress.AbsoluteUri,
            // The jobs are only created: this is about the requests that create them.
            ["Jobs:Workers"] = "0",
        });
        using var admin = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", TestAccount.AdminApiKey);

        var responses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => admin.PostAsync("/admin/api/followers/sync", null)));

        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Accepted).Select(r => (int)r.StatusCode).ToList();
        Assert.True(refused.Count == 0,
            $"{refused.Count} of {Requests} answered {string.Join(", ", refused.Distinct())}\n" +
            string.Join("\n", server.Output.Where(l => l.Contains("Timeout", StringComparison.Ordinal)).Take(3)));
    }
}
