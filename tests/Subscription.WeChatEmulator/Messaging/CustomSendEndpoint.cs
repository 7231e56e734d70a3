using System.Collections.Frozen;
using System.Text.Json;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Deliveries;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Messaging;

/// <summary>POST /cgi-bin/message/custom/send (§9).</summary>
public static class CustomSendEndpoint
{
    private static readonly FrozenSet<string> MediaTypes =
        new[] { "image", "voice", "video", "music", "msgmenu", "wxcard", "miniprogrampage" }.ToFrozenSet();

    public static void MapCustomSend(this RouteGroupBuilder cgi)
    {
        cgi.MapPost("/message/custom/send", (WeChatJson body, EmulatorState state) =>
        {
            var root = body.Root;
            if (!state.Followers.TryResolve(root.Str("touser"), out var index))
            {
                return WeChatResults.Error(40003);
            }

            var (title, error) = Validate(root);
            if (error != 0)
            {
                return WeChatResults.Error(error);
            }

            if (!state.Followers.IsSubscribed(index))
            {
                return WeChatResults.Error(43004);
            }

            var window = state.Followers.TryConsumeCustom(index, state.Options.EnforceCustomTriggerQuota);
            if (window != 0)
            {
                return WeChatResults.Error(window);
            }

            var msgType = root.Str("msgtype")!;
            var digest = ContentDigest.Of(msgType, root.Obj(msgType));
            state.Deliveries.Record(index, new SentContent(DeliveryChannel.Custom, msgType, title!, digest, state.Ids.Next(), state.Clock.GetUtcNow()));
            return WeChatResults.Ok();
        }).WithFamily(ApiFamily.Custom);
    }

    /// <summary>The message's title for the delivery record, or the errcode for a malformed message.</summary>
    private static (string? Title, int Errcode) Validate(JsonElement root)
    {
        var msgType = root.Str("msgtype");
        var content = msgType is null ? null : root.Obj(msgType);
        switch (msgType)
        {
            case "text":
                var text = content?.Str("content");
                return string.IsNullOrEmpty(text) ? (null, 44004) : (ContentDigest.Snippet(text), 0);
            case "news":
                // Since 2018-10-12 one article only (§5.4, §9); more → 45008.
                var articles = content?.Arr("articles");
                var count = articles?.GetArrayLength() ?? 0;
                return count == 0 ? (null, 44003)
                    : count > 1 ? (null, 45008)
                    : (articles!.Value[0].Str("title") ?? "", 0);
            case "mpnewsarticle":
                var articleId = content?.Str("article_id");
                return string.IsNullOrEmpty(articleId) ? (null, 40007) : (articleId, 0);
            case "mpnews":
                // mpnews + media_id is no longer supported after the draft-box rollout (§9).
                return (null, 40008);
            case not null when MediaTypes.Contains(msgType):
                return content is null ? (null, 44002) : (msgType, 0);
            default:
                return (null, 40008);
        }
    }
}
