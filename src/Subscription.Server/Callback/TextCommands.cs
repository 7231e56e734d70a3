using Microsoft.Extensions.Options;

namespace Subscription.Server.Callback;

/// <summary>What a text message asks for: a reply, and perhaps a change to the follower's digest pushes.</summary>
public sealed record TextCommand(Reply Reply, bool? PushEnabled = null);

/// <summary>The keyword table for text messages; anything else gets the default reply.</summary>
public sealed class TextCommands
{
    private readonly Dictionary<string, TextCommand> _keywords;
    private readonly TextCommand _default;

    public TextCommands(IOptions<ReplyTexts> options)
    {
        var texts = options.Value;
        var help = new TextCommand(new TextReply(texts.Help));
        var stop = new TextCommand(new TextReply(texts.PushStopped), PushEnabled: false);
        _keywords = new(StringComparer.OrdinalIgnoreCase)
        {
            ["help"] = help,
            ["帮助"] = help,
            ["?"] = help,
            ["？"] = help,
            ["退订"] = stop,
            ["TD"] = stop,
            ["订阅"] = new TextCommand(new TextReply(texts.PushResumed), PushEnabled: true),
        };
        _default = new TextCommand(new TextReply(texts.Default));
    }

    public TextCommand Match(string content) =>
        _keywords.TryGetValue(content.Trim(), out var command) ? command : _default;
}
