using System.Text;
using System.Text.Json;

namespace Subscription.WeChatEmulator.Api;

/// <summary>
/// A request body read as WeChat reads it. Binding never fails: the gate filter turns
/// <see cref="ErrorCode"/> into the errcode after the access_token check, as WeChat orders them.
/// </summary>
public sealed class WeChatJson
{
    private WeChatJson(JsonElement root, int? errorCode)
    {
        Root = root;
        ErrorCode = errorCode;
    }

    public JsonElement Root { get; }

    /// <summary>40033 for \u escapes (§6.3), 47001 for anything that isn't a JSON object; null when fine.</summary>
    public int? ErrorCode { get; }

    public static WeChatJson Parse(string text)
    {
        if (text.Contains("\\u", StringComparison.Ordinal))
        {
            return new WeChatJson(default, 40033);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new WeChatJson(document.RootElement.Clone(), null)
                : new WeChatJson(default, 47001);
        }
        catch (JsonException)
        {
            return new WeChatJson(default, 47001);
        }
    }

    public static async ValueTask<WeChatJson?> BindAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return Parse(await reader.ReadToEndAsync(context.RequestAborted));
    }
}
