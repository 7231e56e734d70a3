using System.Text.Json;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Deliveries;
using Subscription.WeChatEmulator.Media;

namespace Subscription.WeChatEmulator.Mass;

/// <summary>The message of a mass send or preview, validated (§13.2): what it is, a title and a digest.</summary>
public sealed record MassContent(string MsgType, string Title, string Digest)
{
    public bool IsNews => MsgType == "mpnews";

    /// <summary>Reads msgtype and its object; errcode 40008 unknown type, 44004 empty text, 40007 unknown media.</summary>
    public static (MassContent? Content, int Errcode) Read(JsonElement root, MaterialStore media)
    {
        var msgType = root.Str("msgtype");
        var body = msgType is null ? null : root.Obj(msgType);
        if (msgType is null || body is not { } content)
        {
            return (null, msgType is null ? 40008 : 44002);
        }

        var digest = ContentDigest.Of(msgType, content);
        switch (msgType)
        {
            case "text":
                var text = content.Str("content");
                return string.IsNullOrEmpty(text) ? (null, 44004) : (new MassContent(msgType, ContentDigest.Snippet(text), digest), 0);
            case "mpnews":
                // A draft's media_id is what the current flow sends (§13.1); permanent news material is accepted too.
                var mediaId = content.Str("media_id");
                if (media.Draft(mediaId) is { } draft)
                {
                    return (new MassContent(msgType, draft.Articles[0].Title, ContentDigest.Of(string.Join('\n', draft.Articles.Select(a => a.Digest)))), 0);
                }

                return media.Material(mediaId) is { Type: "news" } ? (new MassContent(msgType, mediaId!, digest), 0) : (null, 40007);
            case "voice" or "mpvideo":
                return media.Material(content.Str("media_id")) is null ? (null, 40007) : (new MassContent(msgType, msgType, digest), 0);
            case "images":
                var ids = content.Strings("media_ids");
                return ids is not { Count: > 0 } || ids.Any(id => media.Material(id) is null)
                    ? (null, 40007)
                    : (new MassContent(msgType, $"{ids.Count} images", digest), 0);
            case "wxcard":
                return string.IsNullOrEmpty(content.Str("card_id")) ? (null, 40007) : (new MassContent(msgType, content.Str("card_id")!, digest), 0);
            default:
                return (null, 40008);
        }
    }
}
