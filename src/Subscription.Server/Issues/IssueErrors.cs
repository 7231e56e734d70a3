using System.Text.Json;
using System.Text.Json.Serialization;

namespace Subscription.Server.Issues;

/// <summary>The body of a refused upload: every problem found, each with its line.</summary>
public sealed record IssueErrors(IReadOnlyList<IssueError> Errors);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IssueErrors))]
internal sealed partial class IssueAdminJsonContext : JsonSerializerContext;
