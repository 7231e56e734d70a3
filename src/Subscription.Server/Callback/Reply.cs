using Subscription.WeChat;

namespace Subscription.Server.Callback;

/// <summary>What a handler answers; null means no reply ("success").</summary>
public abstract record Reply
{
    public abstract string ToXml(InboundMessage to, long createTime);
}

public sealed record TextReply(string Content) : Reply
{
    public override string ToXml(InboundMessage to, long createTime) =>
        ReplyBuilder.Text(to.FromUserName, to.ToUserName, createTime, Content);
}

public sealed record NewsReply(NewsArticle Article) : Reply
{
    public override string ToXml(InboundMessage to, long createTime) =>
        ReplyBuilder.News(to.FromUserName, to.ToUserName, createTime, Article);
}
