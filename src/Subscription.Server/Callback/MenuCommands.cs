using Microsoft.Extensions.Options;
using Subscription.WeChat;

namespace Subscription.Server.Callback;

/// <summary>The registration table of menu CLICK keys (config/menu.json carries the same keys).</summary>
public sealed class MenuCommands
{
    private readonly Dictionary<string, Func<ClickEvent, Task<Reply?>>> _exact;
    private readonly ReplyTexts _texts;

    private const string SectionPrefix = "section:";

    public MenuCommands(IOptions<ReplyTexts> texts)
    {
        _texts = texts.Value;
        _exact = new(StringComparer.Ordinal)
        {
            ["help"] = _ => Text(_texts.Help),
            ["about"] = _ => Text(_texts.About),
            // Keys of the archive and preferences menus; they answer plainly until those features land.
            ["latest"] = _ => Text(_texts.ComingSoon),
            ["past"] = _ => Text(_texts.ComingSoon),
            ["preferences"] = _ => Text(_texts.ComingSoon),
        };
    }

    /// <summary>Whether a click key has a handler (config/menu.json is checked against this at start-up).</summary>
    public bool IsKnown(string key) => _exact.ContainsKey(key) || key.StartsWith(SectionPrefix, StringComparison.Ordinal);

    public Task<Reply?> HandleAsync(ClickEvent click)
    {
        if (_exact.TryGetValue(click.Key, out var handler))
        {
            return handler(click);
        }

        return click.Key.StartsWith(SectionPrefix, StringComparison.Ordinal)
            ? Text(_texts.ComingSoon)
            : Text(_texts.UnknownMenu);
    }

    private static Task<Reply?> Text(string content) => Task.FromResult<Reply?>(new TextReply(content));
}
