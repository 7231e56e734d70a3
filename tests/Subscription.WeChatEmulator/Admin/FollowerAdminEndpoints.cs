using System.Text.Json.Serialization;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Followers;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Admin;

/// <summary>/_emulator/followers/*: seed, follow, unfollow, drift, interact, block — without callbacks.</summary>
public static class FollowerAdminEndpoints
{
    public static void MapFollowerAdmin(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/followers");

        group.MapPost("/seed", (SeedRequest request, EmulatorState state) =>
        {
            if (request.Count <= 0)
            {
                return Results.BadRequest("count must be positive");
            }

            var first = state.Followers.Seed(request.Count, request.Subscribed ?? true);
            return WeChatResults.Json(new
            {
                first_index = first,
                first_openid = state.Followers.OpenId(first),
                last_openid = state.Followers.OpenId(first + request.Count - 1),
                total = state.Followers.Count,
                subscribed = state.Followers.SubscribedCount,
            });
        });

        group.MapPost("/follow", (OpenIdsRequest request, EmulatorState state) =>
            Each(request, state, index => state.Followers.Follow(index)));
        group.MapPost("/unfollow", (OpenIdsRequest request, EmulatorState state) =>
            Each(request, state, index => state.Followers.Unfollow(index)));
        group.MapPost("/interact", (OpenIdsRequest request, EmulatorState state) =>
            Each(request, state, index => state.Followers.Interact(index, request.Trigger ?? Trigger.Message)));
        group.MapPost("/block", (OpenIdsRequest request, EmulatorState state) =>
            Each(request, state, index => state.Followers.SetBlocked(index, request.Blocked ?? true)));

        group.MapPost("/drift", (DriftRequest request, EmulatorState state) =>
        {
            var drift = state.WithRandom(random => state.Followers.Drift(request.Unfollow, request.Refollow, request.New, random));
            return WeChatResults.Json(new
            {
                unfollowed = drift.Unfollowed.Select(state.Followers.OpenId),
                refollowed = drift.Refollowed.Select(state.Followers.OpenId),
                added = drift.Added.Select(state.Followers.OpenId),
                subscribed = state.Followers.SubscribedCount,
            });
        });

        group.MapGet("/{openId}", (string openId, EmulatorState state) =>
            state.Followers.TryResolve(openId, out var index)
                ? WeChatResults.Json(new { follower = state.Followers.Info(index), tags = state.Tags.TagsOf(index) })
                : Results.NotFound());
    }

    private static IResult Each(OpenIdsRequest request, EmulatorState state, Action<int> change)
    {
        var unknown = new List<string>();
        foreach (var openId in request.OpenIds)
        {
            if (state.Followers.TryResolve(openId, out var index))
            {
                change(index);
            }
            else
            {
                unknown.Add(openId);
            }
        }

        return unknown.Count == 0
            ? WeChatResults.Json(new { changed = request.OpenIds.Count, subscribed = state.Followers.SubscribedCount })
            : Results.BadRequest(new { unknown });
    }
}

public sealed record SeedRequest(int Count, bool? Subscribed = true);

/// <param name="Trigger">For /interact: "message" (default) or "event".</param>
/// <param name="Blocked">For /block: true (default) or false.</param>
public sealed record OpenIdsRequest([property: JsonPropertyName("openids")] List<string> OpenIds, Trigger? Trigger = null, bool? Blocked = null);

public sealed record DriftRequest(int Unfollow = 0, int Refollow = 0, int New = 0);
