using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Followers;

/// <summary>
/// user/info as returned since 2021-12-27 (§8.2): no nickname, avatar, sex or region. An unfollowed user is
/// only {"subscribe":0,"openid":…}.
/// </summary>
public sealed record UserInfoView(int Subscribe, string Openid, string? Language = null, long? SubscribeTime = null,
    string? Remark = null, int? Groupid = null, List<int>? TagidList = null, string? SubscribeScene = null,
    int? QrScene = null, string? QrSceneStr = null)
{
    public static UserInfoView For(EmulatorState state, int index)
    {
        var info = state.Followers.Info(index);
        return info.Subscribed
            ? new UserInfoView(1, info.OpenId, "zh_CN", info.SubscribeTime, "", 0, state.Tags.TagsOf(index),
                "ADD_SCENE_SEARCH", 0, "")
            : new UserInfoView(0, info.OpenId);
    }
}
