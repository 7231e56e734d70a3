using System.Text.Json;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Followers;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Tags;

/// <summary>/cgi-bin/tags/* and /cgi-bin/user/tag/get (§8.3).</summary>
public static class TagEndpoints
{
    // Only the old groups API documents 50 per batch ([U] in §8.3); real WeChat may allow more.
    private const int MaxBatch = 50;

    public static void MapTagEndpoints(this RouteGroupBuilder cgi)
    {
        var tags = cgi.MapGroup("/tags").WithFamily(ApiFamily.Tag);

        tags.MapPost("/create", (WeChatJson body, EmulatorState state) =>
        {
            var (tag, error) = state.Tags.Create(body.Root.Obj("tag")?.Str("name"));
            return tag is null ? WeChatResults.Error(error) : WeChatResults.Json(new { tag = new { id = tag.Id, name = tag.Name } });
        });

        tags.MapGet("/get", (EmulatorState state) =>
            WeChatResults.Json(new { tags = state.Tags.All().Select(t => new { id = t.Id, name = t.Name, count = t.Members.Count }) }));

        tags.MapPost("/update", (WeChatJson body, EmulatorState state) =>
            Answer(state.Tags.Rename((int)(body.Root.Obj("tag")?.Long("id") ?? -1), body.Root.Obj("tag")?.Str("name"))));

        tags.MapPost("/delete", (WeChatJson body, EmulatorState state) =>
            Answer(state.Tags.Delete((int)(body.Root.Obj("tag")?.Long("id") ?? -1))));

        tags.MapPost("/members/batchtagging", (WeChatJson body, EmulatorState state) => Batch(body.Root, state, tag: true));
        tags.MapPost("/members/batchuntagging", (WeChatJson body, EmulatorState state) => Batch(body.Root, state, tag: false));

        tags.MapPost("/getidlist", (WeChatJson body, EmulatorState state) =>
            state.Followers.TryResolve(body.Root.Str("openid"), out var index)
                ? WeChatResults.Json(new { tagid_list = state.Tags.TagsOf(index) })
                : WeChatResults.Error(40003));

        cgi.MapPost("/user/tag/get", (WeChatJson body, EmulatorState state) =>
        {
            if (state.Tags.Members((int)(body.Root.Long("tagid") ?? -1)) is not { } members)
            {
                return WeChatResults.Error(45159);
            }

            var next = body.Root.Str("next_openid");
            var after = -1;
            if (!string.IsNullOrEmpty(next) && !state.Followers.TryResolve(next, out after))
            {
                return WeChatResults.Error(40003);
            }

            return WeChatResults.Json(UserEndpoints.PageBody(state, state.Followers.Page(after, UserEndpoints.PageSize, members), null));
        }).WithFamily(ApiFamily.Tag);
    }

    private static IResult Batch(JsonElement root, EmulatorState state, bool tag)
    {
        var openIds = root.Strings("openid_list");
        if (openIds is not { Count: > 0 } || openIds.Count > MaxBatch)
        {
            return WeChatResults.Error(40032);
        }

        var indices = new List<int>(openIds.Count);
        foreach (var openId in openIds)
        {
            if (!state.Followers.TryResolve(openId, out var index))
            {
                return WeChatResults.Error(40003);
            }

            indices.Add(index);
        }

        return Answer(state.Tags.Apply((int)(root.Long("tagid") ?? -1), indices, tag));
    }

    private static IResult Answer(int errcode) => errcode == 0 ? WeChatResults.Ok() : WeChatResults.Error(errcode);
}
