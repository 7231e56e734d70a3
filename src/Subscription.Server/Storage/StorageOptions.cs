using System.ComponentModel.DataAnnotations;

namespace Subscription.Server.Storage;

/// <summary>Settings "Redis:*": an external Redis, or none for the embedded store.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration string; empty starts the embedded Garnet.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key this service writes, so several deployments or tests can share one server.</summary>
    [Required, RegularExpression(@"^[A-Za-z0-9:_\-\.]*$", ErrorMessage = "Redis:KeyPrefix may hold only letters, digits and : _ - .")]
    public string KeyPrefix { get; set; } = "sub:";
}

/// <summary>Settings "Storage:*": the embedded Garnet used when Redis:Configuration is empty.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A size as Garnet's options take it, in megabytes or gigabytes.</summary>
    private const string Size = @"^\d+[mMgG]$";

    private const string NotASize = " must be a size in megabytes or gigabytes, e.g. 512m or 2g.";

    /// <summary>Folder of the append-only file and checkpoints; relative paths start at the content root.</summary>
    [Required(ErrorMessage = "Storage:DataPath is required.")]
    public string DataPath { get; set; } = "./data";

    [Range(1, 65535, ErrorMessage = "Storage:EmbeddedPort must be a TCP port (1-65535).")]
    public int EmbeddedPort { get; set; } = 6380;

    /// <summary>
    /// Garnet's memory for its log and the objects in it, follower records and the audience among them (e.g. 2g);
    /// past it, older records move to the data folder while the store waits.
    /// </summary>
    [Required, RegularExpression(Size, ErrorMessage = "Storage:EmbeddedMemory" + NotASize)]
    public string EmbeddedMemory { get; set; } = "2g";

    /// <summary>
    /// How large the append-only file may grow before Garnet takes a checkpoint of the store and drops the part
    /// of the file it covers (e.g. 2g): bounds the data folder and the replay at start. Writes wait while the
    /// checkpoint runs, so it should come rarely.
    /// </summary>
    [Required, RegularExpression(Size, ErrorMessage = "Storage:EmbeddedAofLimit" + NotASize)]
    public string EmbeddedAofLimit { get; set; } = "2g";
}
