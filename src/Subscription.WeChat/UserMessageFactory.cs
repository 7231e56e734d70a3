namespace Subscription.WeChat;

internal static class UserMessageFactory
{
    public static InboundMessage Create(InboundFields f)
    {
        var msgId = f.RequiredInt64("MsgId");
        return f.MsgType.ToLowerInvariant() switch
        {
            "text" => new TextMessage
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, MsgId = msgId,
                Content = f.Text("Content") ?? "",
            },
            "image" => new ImageMessage
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, MsgId = msgId,
                PicUrl = f.Text("PicUrl"),
                MediaId = f.Text("MediaId"),
            },
            "voice" => new VoiceMessage
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, MsgId = msgId,
                MediaId = f.Text("MediaId"),
                Format = f.Text("Format"),
                Recognition = f.Text("Recognition"),
            },
            "video" or "shortvideo" => new VideoMessage
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, MsgId = msgId,
                MediaId = f.Text("MediaId"),
                ThumbMediaId = f.Text("ThumbMediaId"),
            },
            "location" => new LocationMessage
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, MsgId = msgId,
                Latitude = f.Double("Location_X"),
                Longitude = f.Double("Location_Y"),
                Scale = f.Int32("Scale"),
                Label = f.Text("Label"),
            },
            "link" => new LinkMessage
            {
                ToUserName = f.ToUserName, FromUserName = f.FromUserName, CreateTime = f.CreateTime, MsgType = f.MsgType, MsgId = msgId,
                Title = f.Text("Title"),
                Description = f.Text("Description"),
                Url = f.Text("Url"),
            },
            _ => InboundParser.Unknown(f, null),
        };
    }
}
