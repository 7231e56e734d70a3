using Microsoft.AspNetCore.Mvc;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Followers;

/// <summary>/cgi-bin/user/get, user/info, user/info/batchget (§8.1, §8.2).</summary>
public static class UserEndpoints
{
    public const int PageSize = 10_000;
    private const int BatchSize = 100;

    public static void MapUserEndpoints(this RouteGroupBuilder cgi)
    {
        var group = cgi.MapGroup("/user").WithFamily(ApiFamily.User);

        group.MapGet("/get", ([FromQuery(Name = "next_openid")] string? nextOpenId, EmulatorState state) =>
        {
            var after = -1;
            if (!string.IsNullOrEmpty(nextOpenId) && !state.Followers.TryResolve(nextOpenId, out after))
            {
                return WeChatResults.Error(40003);
            }

            var page = state.Followers.Page(after, PageSize);
            return WeChatResults.Json(PageBody(state, page, state.Followers.SubscribedCount));
        });

        group.MapGet("/info", (string? openid, EmulatorState state) =>
            state.Followers.TryResolve(openid, out var index)
                ? WeChatResults.Json(UserInfoView.For(state, index))
                : WeChatResults.Error(40003));

        group.MapPost("/info/batchget", (WeChatJson body, EmulatorState state) =>
        {
            if (body.Root.Arr("user_list") is not { } list || list.GetArrayLength() == 0)
            {
                return WeChatResults.Error(47001, "user_list missing");
            }

            if (list.GetArrayLength() > BatchSize)
            {
                return WeChatResults.Error(40032);
            }

            var users = new List<UserInfoView>();
            foreach (var item in list.EnumerateArray())
            {
                if (!state.Followers.TryResolve(item.Str("openid"), out var index))
                {
                    return WeChatResults.Error(40003);
                }

                users.Add(UserInfoView.For(state, index));
            }

            return WeChatResults.Json(new { user_info_list = users });
        });
    }

    /// <summary>
    /// The user/get page shape (§8.1). An empty page has no "data" and an empty next_openid, which is how
    /// clients see the end of the list.
    /// </summary>
    public static object PageBody(EmulatorState state, List<int> page, int? total)
    {
        if (page.Count == 0)
        {
            return new { total, count = 0, next_openid = "" };
        }

        var openIds = page.Select(state.Followers.OpenId).ToList();
        return new { total, count = page.Count, data = new { openid = openIds }, next_openid = openIds[^1] };
    }
}
