using System.Text.Json.Nodes;

namespace Subscription.WeChat.Tests.Api;

/// <summary>Thrown by the fake's checks and routes: becomes an HTTP 200 errcode body, as WeChat answers.</summary>
internal sealed class FakeRejection(int errCode, string errMsg) : Exception(errMsg)
{
    public int ErrCode { get; } = errCode;

    /// <summary>WeChat appends a request id to errmsg; clients must keep it.</summary>
    public string Body => new JsonObject { ["errcode"] = ErrCode, ["errmsg"] = $"{Message} {FakeWeChat.Rid}" }.ToJsonString();
}
