using Microsoft.Extensions.Options;
using Subscription.WeChat;

namespace Subscription.Server.Callback;

/// <summary>The registration table of menu CLICK keys (config/menu.json is checked against it at start-up).</summary>
public sealed class MenuCommands
{
    private const string SectionPrefix = "section:";

    private readonly Dictionary<string, Func<Task<Reply?>>> _exact;
    private readonly ArchiveReplies _archive;
    private readonly ReplyTexts _texts;

    public MenuCommands(ArchiveReplies archive, IOptions<ReplyTexts> texts)
    {
        _archive = archive;
        _texts = texts.Value;
        _exact = new(StringComparer.Ordinal)
        {
            ["help"] = () => Text(_texts.Help),
            ["about"] = () => Text(_texts.About),
            ["latest"] = async () => await _archive.LatestAsync(),
            ["past"] = async () => await _archive.PastAsync(),
        };
    }

    /// <summary>Whether a click key has a handler.</summary>
    public bool IsKnown(string key) => _exact.ContainsKey(key) || key.StartsWith(SectionPrefix, StringComparison.Ordinal);

    public async Task<Reply?> HandleAsync(ClickEvent click)
    {
        if (_exact.TryGetValue(click.Key, out var handler))
        {
            return await handler();
        }

        return click.Key.StartsWith(SectionPrefix, StringComparison.Ordinal)
            ? await _archive.SectionAsync(click.Key[SectionPrefix.Length..])
            : new TextReply(_texts.UnknownMenu);
    }

    private static Task<Reply?> Text(string content) => Task.FromResult<Reply?>(new TextReply(content));
}
