using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Subscription.WeChat.Api;

/// <summary>A 2xx answer whose body is a JSON object; <see cref="ErrCode"/> is 0 when absent.</summary>
internal sealed record WeChatReply(int ErrCode, string ErrMsg, byte[] Body, string Endpoint)
{
    public T Read<T>(JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(Body, type) ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException e)
        {
            throw Malformed(Endpoint, e);
        }
    }

    public static WeChatTransportException Malformed(string endpoint, Exception? inner = null) =>
        new($"WeChat {endpoint} answered with a body that is not the expected JSON.", HttpStatusCode.OK, WeChatErrorClass.Unknown, inner);
}
