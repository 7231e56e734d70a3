using System.ComponentModel.DataAnnotations;

namespace Subscription.Server.Admin;

/// <summary>Settings "Admin:*".</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Shared key for the JSON admin API, sent as the X-Api-Key header. A secret.</summary>
    [Required(ErrorMessage = "Admin:ApiKey is missing: set the environment variable Admin__ApiKey or a user secret.")]
    [MinLength(16, ErrorMessage = "Admin:ApiKey must be at least 16 characters.")]
    public string ApiKey { get; set; } = "";
}
