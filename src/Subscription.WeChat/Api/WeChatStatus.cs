using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>The errcode/errmsg every answer may carry; errcode absent means success (§6.3).</summary>
internal sealed record WeChatStatus(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg);
