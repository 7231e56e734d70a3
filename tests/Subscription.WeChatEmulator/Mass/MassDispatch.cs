using System.Text;
using System.Text.Json;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Callbacks;
using Subscription.WeChatEmulator.Deliveries;
using Subscription.WeChatEmulator.Followers;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Mass;

/// <summary>What sendall and send share once the audience is known: clientmsgid rules (§13.5), delivery, job event.</summary>
public static class MassDispatch
{
    private const int MaxClientMsgIdBytes = 64;

    /// <param name="audience">"all", "tag:{id}" or "list"; with the content it keys sends without a clientmsgid.</param>
    /// <param name="audienceKey">Identifies the exact audience (the sorted list for send); built only for a send without a clientmsgid.</param>
    /// <param name="candidates">Followers addressed (subscribed or not).</param>
    /// <param name="totalCount">TotalCount of the job event.</param>
    public static IResult Submit(EmulatorState state, JsonElement root, MassContent content, string audience,
        Func<string> audienceKey, Bitset candidates, int totalCount)
    {
        var clientMsgId = root.Str("clientmsgid");
        if (clientMsgId is not null && Encoding.UTF8.GetByteCount(clientMsgId) > MaxClientMsgIdBytes)
        {
            return WeChatResults.Error(45067);
        }

        // Without a clientmsgid WeChat derives one from audience + content, so an identical resend is a duplicate (§13.5).
        var key = clientMsgId ?? "auto:" + ContentDigest.Of($"{audienceKey()}\n{content.MsgType}\n{content.Digest}");
        var (claimError, msgId) = state.Mass.Claim(key, state.Ids.Next());
        if (claimError != 0)
        {
            return WeChatResults.Json(new { errcode = claimError, errmsg = WeChatResults.Message(claimError), msg_id = msgId });
        }

        // A subscription account may send to everyone once a day (§1); the quota error is 45028 (§14).
        // Checked after the clientmsgid so that a retry of today's send still gets 45065, not 45028.
        if (audience == "all" && state.Options.AccountType == AccountType.Subscription && SentToAllToday(state))
        {
            state.Mass.Release(key, msgId);
            return WeChatResults.Error(45028);
        }

        var now = state.Clock.GetUtcNow();
        var monthlyCap = state.Options.EnforceQuotas && state.Options.AccountType == AccountType.Service;
        var recipients = state.Followers.MassRecipients(candidates, monthlyCap, state.Clock.BeijingMonth);
        var job = new MassJob
        {
            MsgId = msgId,
            MsgDataId = content.IsNews ? state.Ids.NextDataId() : null,
            MsgType = content.MsgType,
            Title = content.Title,
            Digest = content.Digest,
            ClientMsgId = clientMsgId,
            Audience = audience,
            CreatedAt = now,
            TotalCount = totalCount,
            FilterCount = recipients.Count,
            SentCount = recipients.Count,
        };
        state.Mass.Add(job);
        state.Deliveries.RecordMass(new SentContent(DeliveryChannel.Mass, content.MsgType, content.Title, content.Digest, msgId, now), recipients);
        if (state.Options.Callback.JobFinishEvents)
        {
            var xml = CallbackXml.MassSendJobFinish(state.Options.OriginalId, (now + state.Options.Callback.JobFinishDelay).ToUnixTimeSeconds(),
                msgId, "send success", job.TotalCount, job.FilterCount, job.SentCount, job.ErrorCount);
            state.JobEvents.Enqueue(new ScheduledCallback(xml, CallbackXml.OperatorOpenId, now + state.Options.Callback.JobFinishDelay));
        }

        return WeChatResults.Json(new { errcode = 0, errmsg = "send job submission success", msg_id = msgId, msg_data_id = job.MsgDataId });
    }

    private static bool SentToAllToday(EmulatorState state) =>
        state.Mass.All().Any(job => job.Audience == "all" && EmulatorClock.BeijingDayOf(job.CreatedAt) == state.Clock.BeijingDay);
}
