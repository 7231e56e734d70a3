using Subscription.Server.Subscribers;
using Subscription.WeChat.Api;

namespace Subscription.Server.Followers;

/// <summary>
/// Reconciles our audience with WeChat's follower list (§8.1, §16.5): adds followers whose follow event we
/// never saw, and unfollows those WeChat no longer lists. It streams one page at a time, saves its cursor
/// after each, resumes after a crash, and is safe against follow/unfollow callbacks arriving meanwhile
/// (every change goes through the same CreateTime-ordered scripts as the callbacks).
/// </summary>
public sealed class FollowerSync(
    FollowerSyncStore sync,
    SubscriberStore subscribers,
    WeChatApiClient api,
    TimeProvider time,
    ILogger<FollowerSync> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int ScriptBatch = 1_000;
    private const int InfoBatch = 100;
    private const int SweepPage = 1_000;

    /// <summary>Runs (or resumes) a sync to the end; returns at once with the state if another instance runs it.</summary>
    public async Task<FollowerSyncState> RunAsync(CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        if (!await sync.LeaseAsync(owner, Lease))
        {
            return await sync.GetAsync();
        }

        try
        {
            var state = await sync.GetAsync();
            if (!state.Running)
            {
                state = FollowerSyncState.None with { RunId = Guid.NewGuid().ToString("N"), Phase = SyncPhase.Listing, StartedAt = time.GetUtcNow() };
                await sync.SaveAsync(state);
            }
            else
            {
                logger.LogInformation("Resuming follower sync {RunId} in {Phase}", state.RunId, state.Phase);
            }

            while (state.Running)
            {
                cancellationToken.ThrowIfCancellationRequested();
                state = state.Phase == SyncPhase.Listing ? await ListPageAsync(state, cancellationToken) : await SweepPageAsync(state);
                await sync.SaveAsync(state);
                await sync.LeaseAsync(owner, Lease);
            }

            logger.LogInformation("Follower sync {RunId}: {Listed} listed, {Added} added, {Removed} removed", state.RunId, state.Listed, state.Added, state.Removed);
            return state;
        }
        catch (WeChatApiException e) when (e.Class is WeChatErrorClass.Configuration or WeChatErrorClass.QuotaExhausted)
        {
            // Not worth retrying: the cursor stays, so a later run resumes once the cause is fixed.
            logger.LogError(e, "Follower sync stopped: WeChat answered {ErrCode}", e.ErrCode);
            var failed = await sync.GetAsync() with { Error = $"{e.ErrCode} {e.ErrMsg}" };
            await sync.SaveAsync(failed);
            return failed;
        }
        finally
        {
            await sync.ReleaseAsync(owner);
        }
    }

    private async Task<FollowerSyncState> ListPageAsync(FollowerSyncState state, CancellationToken cancellationToken)
    {
        var page = await api.GetFollowersAsync(state.NextOpenId, cancellationToken);
        if (page.OpenIds.Count == 0)
        {
            return state with { Phase = SyncPhase.Sweeping, SweepCursor = 0 };
        }

        var added = 0L;
        foreach (var batch in page.OpenIds.Chunk(ScriptBatch))
        {
            var unsure = await sync.MarkListedAsync(state.RunId, batch);
            foreach (var infoBatch in unsure.Chunk(InfoBatch))
            {
                var infos = await api.GetUserInfosAsync(infoBatch, cancellationToken: cancellationToken);
                var following = infos.Where(i => i.Subscribed).ToList();
                // Issued together, so the connection pipelines them: one round trip's wait per batch, not per follower.
                var changes = await Task.WhenAll(following.Select(info => subscribers.FollowAsync(
                    info.OpenId,
                    info.SubscribeTime > 0 ? info.SubscribeTime : state.StartedAt!.Value.ToUnixTimeSeconds(),
                    string.IsNullOrEmpty(info.QrSceneStr) ? null : info.QrSceneStr)));
                added += changes.Count(c => c == FollowerChange.Activated);

                await sync.MarkListedAsync(state.RunId, following.Select(i => i.OpenId).ToList());
            }
        }

        return state with
        {
            NextOpenId = page.NextOpenId,
            Listed = state.Listed + page.OpenIds.Count,
            Added = state.Added + added,
            Phase = page.NextOpenId is null ? SyncPhase.Sweeping : SyncPhase.Listing,
        };
    }

    private async Task<FollowerSyncState> SweepPageAsync(FollowerSyncState state)
    {
        var page = await subscribers.PageAudienceAsync(state.SweepCursor, SweepPage);
        var removed = page.OpenIds.Count == 0 ? 0 : await sync.SweepAsync(state.RunId, state.StartedAt!.Value, page.OpenIds);
        return page.NextCursor is { } next
            ? state with { SweepCursor = next, Removed = state.Removed + removed }
            : state with { Phase = SyncPhase.Completed, FinishedAt = time.GetUtcNow(), Removed = state.Removed + removed };
    }
}
