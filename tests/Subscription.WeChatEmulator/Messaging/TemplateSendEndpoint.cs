using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Callbacks;
using Subscription.WeChatEmulator.Deliveries;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Messaging;

/// <summary>POST /cgi-bin/message/template/send (§10).</summary>
public static class TemplateSendEndpoint
{
    public static void MapTemplateSend(this RouteGroupBuilder cgi)
    {
        cgi.MapPost("/message/template/send", (WeChatJson body, EmulatorState state) =>
        {
            if (state.Options.AccountType == AccountType.Subscription)
            {
                return WeChatResults.Error(48001);
            }

            var root = body.Root;
            if (!state.Followers.TryResolve(root.Str("touser"), out var index))
            {
                return WeChatResults.Error(40003);
            }

            var templateId = root.Str("template_id");
            if (string.IsNullOrEmpty(templateId) || (state.Options.TemplateIds.Count > 0 && !state.Options.TemplateIds.Contains(templateId)))
            {
                return WeChatResults.Error(40037);
            }

            if (root.Obj("data") is not { } data)
            {
                return WeChatResults.Error(47003, "data");
            }

            if (TemplateDataRules.FindInvalid(data) is { } field)
            {
                return WeChatResults.Error(47003, $"{field} invalid");
            }

            if (!state.Followers.IsSubscribed(index))
            {
                return WeChatResults.Error(43004);
            }

            var msgId = state.Ids.Next();
            var clientMsgId = root.Str("client_msg_id");
            if (!string.IsNullOrEmpty(clientMsgId) && state.Templates.Claim(index, clientMsgId, msgId) is { } first)
            {
                return WeChatResults.Json(new { errcode = 0, errmsg = "ok", msgid = first });
            }

            var now = state.Clock.GetUtcNow();
            var blocked = state.Followers.IsBlocked(index);
            if (!blocked)
            {
                var digest = ContentDigest.Of($"{templateId}\n{root.Str("url")}\n{data.GetRawText()}");
                state.Deliveries.Record(index, new SentContent(DeliveryChannel.Template, "template", templateId, digest, msgId, now));
            }

            if (state.Options.Callback.JobFinishEvents)
            {
                var due = now + state.Options.Callback.JobFinishDelay;
                var openId = state.Followers.OpenId(index);
                var xml = CallbackXml.TemplateSendJobFinish(state.Options.OriginalId, openId, due.ToUnixTimeSeconds(), msgId,
                    blocked ? "failed:user block" : "success");
                state.JobEvents.Enqueue(new ScheduledCallback(xml, openId, due));
            }

            return WeChatResults.Json(new { errcode = 0, errmsg = "ok", msgid = msgId });
        }).WithFamily(ApiFamily.Template);
    }
}
