namespace Subscription.WeChat;

internal static class EventFactory
{
    private const string QrScenePrefix = "qrscene_";

    public static InboundMessage Create(InboundFields f)
    {
        var name = f.Text("Event");
        if (string.IsNullOrEmpty(name))
        {
            return InboundParser.Unknown(f, name);
        }

        var key = f.NonEmpty("EventKey");
        return name.ToUpperInvariant() switch
        {
            "SUBSCRIBE" => new SubscribeEvent
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, Event = name, EventKey = key,
                Scene = SceneOf(key),
                Ticket = f.NonEmpty("Ticket"),
            },
            "UNSUBSCRIBE" => new UnsubscribeEvent
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, Event = name, EventKey = key,
            },
            "SCAN" => new ScanEvent
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, Event = name, EventKey = key,
                Scene = key,
                Ticket = f.NonEmpty("Ticket"),
            },
            "CLICK" => new ClickEvent
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, Event = name, EventKey = key,
            },
            "VIEW" => new ViewEvent
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, Event = name, EventKey = key,
                MenuId = f.NonEmpty("MenuId"),
            },
            "LOCATION" => new LocationEvent
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, Event = name, EventKey = key,
                Latitude = f.Double("Latitude"),
                Longitude = f.Double("Longitude"),
                Precision = f.Double("Precision"),
            },
            "MASSSENDJOBFINISH" => new MassSendJobFinishEvent
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, Event = name, EventKey = key,
                MsgId = f.Int64("MsgID"),
                Status = f.Text("Status") ?? "",
                TotalCount = f.Int32("TotalCount"),
                FilterCount = f.Int32("FilterCount"),
                SentCount = f.Int32("SentCount"),
                ErrorCount = f.Int32("ErrorCount"),
            },
            "TEMPLATESENDJOBFINISH" => new TemplateSendJobFinishEvent
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, Event = name, EventKey = key,
                MsgId = f.Int64("MsgID"),
                Status = f.Text("Status") ?? "",
            },
            _ => InboundParser.Unknown(f, name),
        };
    }

    /// <summary>A follow through a parametric QR code carries "qrscene_" + scene; a SCAN carries the bare scene.</summary>
    private static string? SceneOf(string? eventKey)
    {
        if (eventKey is null)
        {
            return null;
        }

        var scene = eventKey.StartsWith(QrScenePrefix, StringComparison.Ordinal) ? eventKey[QrScenePrefix.Length..] : eventKey;
        return scene.Length > 0 ? scene : null;
    }
}
