using System.Collections.Frozen;

namespace Subscription.WeChatEmulator.Api;

/// <summary>errmsg texts for the errcodes the emulator returns (§15; wording as WeChat's English errmsg).</summary>
public static class ErrorCatalog
{
    private static readonly FrozenDictionary<int, string> Messages = new Dictionary<int, string>
    {
        [-1] = "system error",
        [40001] = "invalid credential, access_token is invalid or not latest",
        [40002] = "invalid grant_type",
        [40003] = "invalid openid",
        [40004] = "invalid media type",
        [40005] = "invalid file type",
        [40006] = "invalid meida size",
        [40007] = "invalid media_id",
        [40008] = "invalid message type",
        [40009] = "invalid image size",
        [40013] = "invalid appid",
        [40016] = "invalid button size",
        [40017] = "invalid button type",
        [40018] = "invalid button name size",
        [40019] = "invalid button key size",
        [40020] = "invalid button url size",
        [40022] = "invalid sub button level",
        [40023] = "invalid sub button size",
        [40024] = "invalid sub button type",
        [40025] = "invalid sub button name size",
        [40026] = "invalid sub button key size",
        [40027] = "invalid sub button url size",
        [40032] = "invalid openid list size",
        [40033] = "invalid charset. please check your request, if include \\uxxxx will create fail!",
        [40037] = "invalid template_id",
        [40125] = "invalid appsecret",
        [40130] = "invalid openid list size, at least two openid",
        [41001] = "access_token missing",
        [41002] = "appid missing",
        [41004] = "appsecret missing",
        [41005] = "media data missing",
        [42001] = "access_token expired",
        [43004] = "require subscribe",
        [44002] = "empty post data",
        [44003] = "empty news data",
        [44004] = "empty content",
        [45002] = "content size out of limit",
        [45008] = "article size out of limit",
        [45009] = "reach max api daily quota limit",
        [45011] = "api minute-quota reach limit  mustslower  retry next minute",
        [45015] = "response out of time limit or subscription is canceled",
        [45028] = "has no masssend quota",
        [45047] = "out of response count limit",
        [45056] = "too many tags",
        [45057] = "can't delete the tag that has too many fans",
        [45058] = "can't modify sys tag",
        [45059] = "user tag count out of limit",
        [45065] = "clientmsgid exist",
        [45066] = "clientmsgid retry too fast",
        [45067] = "clientmsgid size out of limit",
        [45157] = "invalid tag name",
        [45158] = "tag name too long",
        [45159] = "invalid tag id",
        [46003] = "menu no exist",
        [47001] = "data format error",
        [47003] = "argument invalid!",
        [48001] = "api unauthorized",
        [61451] = "invalid parameter",
        [76021] = "cgi_path not found",
    }.ToFrozenDictionary();

    public static string MessageFor(int errcode) =>
        Messages.TryGetValue(errcode, out var message) ? message : "emulated error";
}
