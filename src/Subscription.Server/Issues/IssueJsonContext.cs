using System.Text.Json;
using System.Text.Json.Serialization;

namespace Subscription.Server.Issues;

/// <summary>
/// Source-generated metadata for writing issues (and their errors) with the web defaults (camelCase).
/// For reading an uploaded issue use <see cref="IssueJson.Parse"/>, which validates and reports lines.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Issue))]
[JsonSerializable(typeof(IReadOnlyList<IssueError>))]
public sealed partial class IssueJsonContext : JsonSerializerContext;

/// <summary>Metadata for the lenient shape an upload is first read into, before validation.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IssueDocument))]
internal sealed partial class IssueDocumentJsonContext : JsonSerializerContext;
