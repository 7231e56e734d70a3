using System.Security.Cryptography;

namespace Subscription.WeChatEmulator.Api;

/// <summary>WeChat answers HTTP 200 with {"errcode","errmsg"} for errors too (§6.3, §15).</summary>
public static class WeChatResults
{
    public static IResult Error(int errcode, string? detail = null) =>
        Results.Json(new ErrorBody(errcode, Message(errcode, detail)), EmulatorJson.Options);

    public static IResult Ok(string errmsg = "ok") => Results.Json(new ErrorBody(0, errmsg), EmulatorJson.Options);

    public static IResult Json(object body) => Results.Json(body, EmulatorJson.Options);

    public static string Message(int errcode, string? detail = null)
    {
        var text = detail is null ? ErrorCatalog.MessageFor(errcode) : $"{ErrorCatalog.MessageFor(errcode)} {detail}";
        // Real errmsgs end with a request id (§6.3); clients must log errmsg, never parse it.
        return $"{text} rid: {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    }
}

public sealed record ErrorBody(int Errcode, string Errmsg);
