using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Deliveries;
using Subscription.WeChatEmulator.Followers;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Mass;

/// <summary>/cgi-bin/message/mass/* (§13.2–13.4).</summary>
public static class MassEndpoints
{
    private const int MinOpenIds = 2;
    private const int MaxOpenIds = 10_000;

    public static void MapMassEndpoints(this RouteGroupBuilder cgi)
    {
        var group = cgi.MapGroup("/message/mass").WithFamily(ApiFamily.Mass);

        group.MapPost("/sendall", (WeChatJson body, EmulatorState state) =>
        {
            var (content, error) = MassContent.Read(body.Root, state.Media);
            if (content is null)
            {
                return WeChatResults.Error(error);
            }

            if (body.Root.Obj("filter") is not { } filter)
            {
                return WeChatResults.Error(47001, "filter missing");
            }

            if (filter.Bool("is_to_all"))
            {

                var all = state.Followers.SubscribedSnapshot();
                return MassDispatch.Submit(state, body.Root, content, "all", () => "all", all, all.Count);
            }

            var tagId = filter.Long("tag_id");
            if (tagId is null || state.Tags.Members((int)tagId) is not { } members)
            {
                return WeChatResults.Error(45159);
            }

            var audience = state.Followers.SubscribedWithin(members);
            return MassDispatch.Submit(state, body.Root, content, $"tag:{tagId}", () => $"tag:{tagId}", audience, audience.Count);
        });

        group.MapPost("/send", (WeChatJson body, EmulatorState state) =>
        {
            if (state.Options.AccountType == AccountType.Subscription)
            {
                return WeChatResults.Error(48001);
            }

            var openIds = body.Root.Strings("touser");
            if (openIds is null || openIds.Count < MinOpenIds)
            {
                return WeChatResults.Error(40130);
            }

            if (openIds.Count > MaxOpenIds)
            {
                return WeChatResults.Error(40032);
            }

            var (content, error) = MassContent.Read(body.Root, state.Media);
            if (content is null)
            {
                return WeChatResults.Error(error);
            }

            var addressed = new Bitset();
            foreach (var openId in openIds)
            {
                if (state.Followers.TryResolve(openId, out var index))
                {
                    addressed.Set(index);
                }
            }

            return MassDispatch.Submit(state, body.Root, content, "list", () => "list:" + string.Join(',', openIds.Order(StringComparer.Ordinal)), addressed, openIds.Distinct().Count());
        });

        group.MapPost("/preview", (WeChatJson body, EmulatorState state) =>
        {
            var (content, error) = MassContent.Read(body.Root, state.Media);
            if (content is null)
            {
                return WeChatResults.Error(error);
            }

            var msgId = state.Ids.Next();
            // towxname wins when both are given (§13.4); a WeChat id maps to no openid here, so nothing is recorded.
            if (body.Root.Str("towxname") is null)
            {
                if (!state.Followers.TryResolve(body.Root.Str("touser"), out var index))
                {
                    return WeChatResults.Error(40003);
                }

                if (!state.Followers.IsSubscribed(index))
                {
                    return WeChatResults.Error(43004);
                }

                state.Deliveries.Record(index, new SentContent(DeliveryChannel.Preview, content.MsgType, content.Title, content.Digest, msgId, state.Clock.GetUtcNow()));
            }

            return WeChatResults.Json(new { errcode = 0, errmsg = "preview success", msg_id = msgId });
        });

        group.MapPost("/get", (WeChatJson body, EmulatorState state) =>
            state.Mass.Get(body.Root.Long("msg_id") ?? -1) is { } job
                ? WeChatResults.Json(new { msg_id = job.MsgId, msg_status = job.Status })
                : WeChatResults.Error(61451, "msg_id"));

        group.MapPost("/delete", (WeChatJson body, EmulatorState state) =>
        {
            var job = state.Mass.Get(body.Root.Long("msg_id") ?? -1);
            if (job is null)
            {
                return WeChatResults.Error(61451, "msg_id");
            }

            if (!job.Deletable)
            {
                return WeChatResults.Error(40008);
            }

            state.Mass.MarkDeleted(job.MsgId);
            return WeChatResults.Ok();
        });
    }
}
