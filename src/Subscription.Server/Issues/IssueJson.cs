using System.Text.Encodings.Web;
using System.Text.Json;

namespace Subscription.Server.Issues;

/// <summary>
/// The JSON form of an issue, as the admin API accepts and returns it:
/// <c>{"number", "numberInYear", "date": "yyyy-MM-dd", "headline", "sections": [...], "articles": [{"section",
/// "page", "title", "source", "url", "paragraphs": [...], "summary"}]}</c>.
/// </summary>
public static class IssueJson
{
    // Relaxed escaping writes Chinese text as itself; the result is meant for JSON consumers, not for inlining into HTML.
    private static readonly IssueJsonContext Writer = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NewLine = "\n",
    });

    /// <summary>Indented, so that the line numbers of errors in a downloaded, edited and re-uploaded issue mean something.</summary>
    public static string Serialize(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return JsonSerializer.Serialize(issue, Writer.Issue);
    }

    /// <summary>
    /// Reads and validates an uploaded issue; never throws for malformed input. A missing or empty summary is
    /// computed with <see cref="IssueSummary"/>; errors carry 1-based lines of the JSON text.
    /// </summary>
    public static IssueParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json = json.TrimStart('\uFEFF');
        IssueDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, IssueDocumentJsonContext.Default.IssueDocument);
        }
        catch (JsonException e)
        {
            return IssueParseResult.Failure([new IssueError((int)(e.LineNumber ?? 0) + 1, Describe(e))]);
        }
        catch (ArgumentException)
        {
            // Thrown for text that cannot be transcoded to UTF-8, i.e. with an unpaired surrogate.
            return IssueParseResult.Failure([new IssueError(0, "The upload is not valid Unicode text.")]);
        }
        return document is null
            ? IssueParseResult.Failure([new IssueError(1, "Expected an issue object, found null.")])
            : IssueDocumentValidator.Validate(document, JsonLineMap.Build(json));
    }

    // The serializer's message ends with its own 0-based position, which the error carries as a line already;
    // its conversion failures name internal types, so they are worded here.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var position = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (position > 0)
        {
            message = message[..position];
        }

        var atRoot = string.IsNullOrEmpty(e.Path) || e.Path == "$";
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return atRoot ? "Expected an issue object." : $"At {e.Path}: the value is not of the expected type, or is out of range.";
        }

        return atRoot ? $"Malformed JSON: {message}" : $"Malformed JSON at {e.Path}: {message}";
    }
}
