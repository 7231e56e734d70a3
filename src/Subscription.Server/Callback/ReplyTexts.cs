using System.ComponentModel.DataAnnotations;

namespace Subscription.Server.Callback;

/// <summary>Settings "Replies:*": what the account says, kept in config/appsettings.json for the editors.</summary>
public sealed class ReplyTexts
{
    public const string Section = "Replies";

    [Required] public string Welcome { get; set; } = "";
    [Required] public string Help { get; set; } = "";
    [Required] public string About { get; set; } = "";
    [Required] public string Default { get; set; } = "";
    [Required] public string PushStopped { get; set; } = "";
    [Required] public string PushResumed { get; set; } = "";
    [Required] public string ComingSoon { get; set; } = "";
    [Required] public string UnknownMenu { get; set; } = "";
}
