using System.ComponentModel.DataAnnotations;

namespace Subscription.Server.Callback;

/// <summary>Settings "Replies:*": what the account says, kept in config/appsettings.json for the editors.</summary>
public sealed class ReplyTexts : IValidatableObject
{
    public const string Section = "Replies";

    [Required] public string Welcome { get; set; } = "";
    [Required] public string Help { get; set; } = "";
    [Required] public string About { get; set; } = "";

    /// <summary>For images, voice and other messages the service does not read.</summary>
    [Required] public string Default { get; set; } = "";
    [Required] public string PushStopped { get; set; } = "";
    [Required] public string PushResumed { get; set; } = "";
    [Required] public string UnknownMenu { get; set; } = "";
    [Required] public string NoIssueYet { get; set; } = "";

    /// <summary>{0} the issue number, {1} the archive's address.</summary>
    [Required] public string IssueNotFound { get; set; } = "";

    /// <summary>{0} the section.</summary>
    [Required] public string SectionEmpty { get; set; } = "";

    /// <summary>{0} what was searched, {1} the archive's address.</summary>
    [Required] public string NoSearchResults { get; set; } = "";

    /// <summary>{0} the name asked for, {1} the sections there are.</summary>
    [Required] public string SectionUnknown { get; set; } = "";

    /// <summary>{0} the section, {1} the follower's sections now.</summary>
    [Required] public string SectionSubscribed { get; set; } = "";

    /// <summary>{0} the section, {1} the follower's sections now.</summary>
    [Required] public string SectionUnsubscribed { get; set; } = "";

    [Required] public string SectionLast { get; set; } = "";

    // A placeholder beyond what the code fills in would throw at the first reply; refuse it at start-up.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        (string Name, string Text, int Arguments)[] formats =
        [
            (nameof(IssueNotFound), IssueNotFound, 2), (nameof(SectionEmpty), SectionEmpty, 1),
            (nameof(NoSearchResults), NoSearchResults, 2), (nameof(SectionUnknown), SectionUnknown, 2),
            (nameof(SectionSubscribed), SectionSubscribed, 2), (nameof(SectionUnsubscribed), SectionUnsubscribed, 2),
        ];
        foreach (var (name, text, arguments) in formats)
        {
            var ok = true;
            try
            {
                _ = string.Format(text, Enumerable.Range(0, arguments).Select(i => (object)i).ToArray());
            }
            catch (FormatException)
            {
                ok = false;
            }

            if (!ok)
            {
                yield return new ValidationResult($"Replies:{name} may use only the placeholders {{0}} to {{{arguments - 1}}}.", [name]);
            }
        }
    }
}
