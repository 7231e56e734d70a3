using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Subscription.Server.Subscribers;
using Subscription.WeChat;

namespace Subscription.Server.Callback;

/// <summary>What a text message leads to: a reply, and perhaps new push or section preferences.</summary>
/// <param name="Sections">The follower's new sections (empty = every section); null leaves them as they are.</param>
public sealed record TextOutcome(Reply Reply, bool? PushEnabled = null, IReadOnlyList<string>? Sections = null);

/// <summary>
/// Text messages, in order: the keyword table, an issue number (185, 第185期), a section preference
/// (订阅 地方新政, 退订 产业前沿), and otherwise a search of the archive.
/// </summary>
public sealed partial class TextCommands
{
    private readonly Dictionary<string, TextOutcome> _keywords;
    private readonly ArchiveReplies _archive;
    private readonly SubscriberStore _subscribers;
    private readonly ReplyTexts _texts;

    public TextCommands(ArchiveReplies archive, SubscriberStore subscribers, IOptions<ReplyTexts> options)
    {
        _archive = archive;
        _subscribers = subscribers;
        _texts = options.Value;
        var help = new TextOutcome(new TextReply(_texts.Help));
        var stop = new TextOutcome(new TextReply(_texts.PushStopped), PushEnabled: false);
        _keywords = new(StringComparer.OrdinalIgnoreCase)
        {
            ["help"] = help,
            ["帮助"] = help,
            ["?"] = help,
            ["？"] = help,
            ["退订"] = stop,
            ["TD"] = stop,
            ["订阅"] = new TextOutcome(new TextReply(_texts.PushResumed), PushEnabled: true),
        };
    }

    public async Task<TextOutcome> HandleAsync(TextMessage message)
    {
        var content = message.Content.Trim();
        if (_keywords.TryGetValue(content, out var outcome))
        {
            return outcome;
        }

        if (IssueNumber().Match(content) is { Success: true } issue && int.TryParse(issue.Groups[1].ValueSpan, out var number))
        {
            return new TextOutcome(await _archive.IssueAsync(number));
        }

        if (SectionPreference().Match(content) is { Success: true } preference)
        {
            return await ChangeSectionsAsync(message.FromUserName, preference.Groups[1].Value == "订阅", preference.Groups[2].Value.Trim());
        }

        return new TextOutcome(await _archive.SearchAsync(content));
    }

    private async Task<TextOutcome> ChangeSectionsAsync(string openId, bool add, string section)
    {
        var known = await _archive.KnownSectionsAsync();
        if (!known.Contains(section))
        {
            return new TextOutcome(new TextReply(string.Format(_texts.SectionUnknown, section, string.Join("、", known))));
        }

        // No sections stored means every section.
        var current = (await _subscribers.GetAsync(openId))?.Sections ?? [];
        var wanted = current.Count == 0 ? known.ToHashSet() : current.Where(known.Contains).ToHashSet();
        var changed = add ? wanted.Add(section) : wanted.Remove(section);
        if (wanted.Count == 0)
        {
            return new TextOutcome(new TextReply(_texts.SectionLast));
        }

        var ordered = known.Where(wanted.Contains).ToList();
        var reply = new TextReply(string.Format(add ? _texts.SectionSubscribed : _texts.SectionUnsubscribed, section, string.Join("、", ordered)));
        return changed ? new TextOutcome(reply, Sections: ordered.Count == known.Count ? [] : ordered) : new TextOutcome(reply);
    }

    [GeneratedRegex(@"^(?:总?第)?\s*(\d{1,6})\s*期?$")]
    private static partial Regex IssueNumber();

    [GeneratedRegex(@"^(订阅|退订)\s*(\S.*)$")]
    private static partial Regex SectionPreference();
}
