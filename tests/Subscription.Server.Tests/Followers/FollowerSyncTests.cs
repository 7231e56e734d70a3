using Subscription.Server.Followers;
using Subscription.Server.Subscribers;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Followers;

/// <summary>Reconciliation against the emulator's follower list: exact, resumable, and safe alongside callbacks.</summary>
[Trait("Category", "Storage")]
public sealed class FollowerSyncTests(StoreFixture store) : IAsyncLifetime
{
    private const int Followers = 100_000;
    private EmulatorHost _wechat = null!;
    private ApiRig _server = null!;

    public async ValueTask InitializeAsync()
    {
        _wechat = await EmulatorHost.StartAsync();
        _server = await ApiRig.CreateAsync(store, _wechat, StoreFixture.NewPrefix());
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _wechat.DisposeAsync();
    }

    /// <summary>WeChat and our store agree on N followers (as if every follow callback had arrived).</summary>
    private async Task SeedInAgreementAsync(int count)
    {
        var followers = _wechat.State.Followers;
        var first = followers.Seed(count);
        foreach (var chunk in Enumerable.Range(first, count).Chunk(2_000))
        {
            await Task.WhenAll(chunk.Select(i => _server.Subscribers.FollowAsync(followers.OpenId(i), followers.Info(i).SubscribeTime, null)));
        }
    }

    private async Task AssertAgreementAsync()
    {
        var followers = _wechat.State.Followers;
        Assert.Equal(followers.SubscribedCount, (await _server.Subscribers.GetStatsAsync()).Active);
        var ours = new HashSet<string>();
        long? cursor = 0;
        while (cursor is { } c)
        {
            var page = await _server.Subscribers.PageAudienceAsync(c, 10_000);
            ours.UnionWith(page.OpenIds);
            cursor = page.NextCursor;
        }

        var theirs = Enumerable.Range(0, followers.Count).Where(followers.IsSubscribed).Select(followers.OpenId).ToHashSet();
        Assert.True(theirs.SetEquals(ours), $"{theirs.Except(ours).Count()} missing, {ours.Except(theirs).Count()} extra");
    }

    [Fact]
    public async Task Run_ThousandDriftedOf100000_ReconcilesExactly()
    {
        await SeedInAgreementAsync(Followers);
        var drift = _wechat.State.Followers.Drift(unfollow: 500, refollow: 0, newFollowers: 500, new Random(42));

        var state = await _server.Sync.RunAsync(CancellationToken.None);

        Assert.Equal(SyncPhase.Completed, state.Phase);
        Assert.Equal(Followers, state.Listed);
        Assert.Equal(500, state.Added);
        Assert.Equal(500, state.Removed);
        await AssertAgreementAsync();
        var gone = await _server.Subscribers.GetAsync(_wechat.State.Followers.OpenId(drift.Unfollowed[0]));
        Assert.Equal(SubscriberStatus.Inactive, gone!.Status);
    }

    [Fact]
    public async Task Run_InterruptedMidList_ResumesFromItsCursorAndReconciles()
    {
        await SeedInAgreementAsync(Followers);
        _wechat.State.Followers.Drift(unfollow: 500, refollow: 0, newFollowers: 500, new Random(7));
        using var crash = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while ((await _server.SyncStore.GetAsync()).Listed < 30_000)
            {
                await Task.Delay(20);
            }

            await crash.CancelAsync();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _server.Sync.RunAsync(crash.Token));
        await watcher;
        var interrupted = await _server.SyncStore.GetAsync();
        Assert.Equal(SyncPhase.Listing, interrupted.Phase);
        Assert.InRange(interrupted.Listed, 30_000, Followers - 1);

        var resumed = await _server.Sync.RunAsync(CancellationToken.None);

        Assert.Equal(interrupted.RunId, resumed.RunId);
        Assert.Equal(SyncPhase.Completed, resumed.Phase);
        Assert.Equal(Followers, resumed.Listed);
        Assert.Equal(500, resumed.Removed);
        await AssertAgreementAsync();
    }

    [Fact]
    public async Task Run_FollowArrivingDuringTheSweep_IsNotUndone()
    {
        await SeedInAgreementAsync(1_000);
        var state = FollowerSyncState.None with { RunId = "run-1", Phase = SyncPhase.Sweeping, StartedAt = DateTimeOffset.UtcNow.AddSeconds(-30) };
        await _server.SyncStore.SaveAsync(state);
        // Followed after the run started, so WeChat's list as the run read it did not have them.
        await _server.Subscribers.FollowAsync("oLateFollower", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), null);

        var done = await _server.Sync.RunAsync(CancellationToken.None);

        Assert.Equal(SyncPhase.Completed, done.Phase);
        Assert.Equal(SubscriberStatus.Active, (await _server.Subscribers.GetAsync("oLateFollower"))!.Status);
        // None of the seeded ones was listed by "run-1": all go, except those who followed after it started.
        var followers = _wechat.State.Followers;
        var before = Enumerable.Range(0, followers.Count).Count(i => followers.Info(i).SubscribeTime <= state.StartedAt!.Value.ToUnixTimeSeconds());
        Assert.Equal(before, done.Removed);
        Assert.InRange(before, 900, 999);
    }
}
