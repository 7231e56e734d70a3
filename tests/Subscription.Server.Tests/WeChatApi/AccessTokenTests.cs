using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.WeChatApi;

[Trait("Category", "Storage")]
public sealed class AccessTokenTests(StoreFixture store) : IAsyncLifetime
{
    private EmulatorHost _wechat = null!;
    private readonly List<ApiRig> _instances = [];
    private readonly string _prefix = StoreFixture.NewPrefix();

    public async ValueTask InitializeAsync()
    {
        _wechat = await EmulatorHost.StartAsync();
        _wechat.State.Followers.Seed(3);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await _wechat.DisposeAsync();
    }

    private async Task<ApiRig> InstanceAsync()
    {
        var rig = await ApiRig.CreateAsync(store, _wechat, _prefix);
        _instances.Add(rig);
        return rig;
    }

    [Fact]
    public async Task GetAsync_50CallersOnThreeInstances_OneTokenFetch()
    {
        var instances = new[] { await InstanceAsync(), await InstanceAsync(), await InstanceAsync() };

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () => await instances[i % 3].Tokens.GetAsync(CancellationToken.None))));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, _wechat.State.Tokens.Stats.StableFetches + _wechat.State.Tokens.Stats.ClassicFetches);
    }

    [Fact]
    public async Task ApiCall_TokenRevokedElsewhere_InvalidatesRefreshesOnceAndSucceeds()
    {
        var instance = await InstanceAsync();
        var first = await instance.Tokens.GetAsync(CancellationToken.None);
        _wechat.State.Tokens.RevokeAll(); // as if another system had refreshed it: 40001

        var page = await instance.Api.GetFollowersAsync();

        Assert.Equal(3, page.Count);
        var second = await instance.Tokens.GetAsync(CancellationToken.None);
        Assert.NotEqual(first, second);
        Assert.Equal(2, _wechat.State.Tokens.Stats.StableFetches + _wechat.State.Tokens.Stats.ClassicFetches - _wechat.State.Tokens.Stats.ForceRefreshes);
    }

    [Fact]
    public async Task InvalidateAsync_WithAnOlderToken_LeavesTheNewerOneCached()
    {
        var instance = await InstanceAsync();
        var old = await instance.Tokens.GetAsync(CancellationToken.None);
        await instance.Tokens.InvalidateAsync(old, CancellationToken.None);
        _wechat.State.Tokens.ExpireAll();
        var current = await instance.Tokens.GetAsync(CancellationToken.None);
        var fetches = _wechat.State.Tokens.Stats.StableFetches;

        // A late caller reports the old token as failed: the current one must survive (compare-and-invalidate).
        await instance.Tokens.InvalidateAsync(old, CancellationToken.None);

        Assert.Equal(current, await instance.Tokens.GetAsync(CancellationToken.None));
        Assert.Equal(fetches, _wechat.State.Tokens.Stats.StableFetches);
    }

    [Fact]
    public async Task ApiCall_TokenExpired_42001RefreshesAndSucceeds()
    {
        var instance = await InstanceAsync();
        await instance.Tokens.GetAsync(CancellationToken.None);
        _wechat.State.Tokens.ExpireAll();

        var page = await instance.Api.GetFollowersAsync();

        Assert.Equal(3, page.OpenIds.Count);
    }
}
