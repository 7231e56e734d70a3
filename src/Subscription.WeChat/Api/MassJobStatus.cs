namespace Subscription.WeChat.Api;

/// <summary>The state of a mass-send job (§13.4 <c>mass/get</c>).</summary>
/// <param name="RawStatus">WeChat's <c>msg_status</c>, e.g. <c>SEND_SUCCESS</c>.</param>
public sealed record MassJobStatus(long MsgId, string RawStatus)
{
    public MassJobState State => RawStatus switch
    {
        "SENDING" => MassJobState.Sending,
        "SEND_SUCCESS" => MassJobState.Succeeded,
        "SEND_FAIL" => MassJobState.Failed,
        "DELETE" => MassJobState.Deleted,
        _ => MassJobState.Unknown,
    };
}

public enum MassJobState
{
    Unknown,
    Sending,
    Succeeded,
    Failed,
    Deleted,
}
