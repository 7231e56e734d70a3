using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Subscription.Server.Archive;
using Subscription.Server.Broadcasts;

namespace Subscription.Server.Issues;

/// <summary>POST /admin/api/issues (text or JSON; dry run, draft or publish) and GET /admin/api/issues/{number}.</summary>
public static class IssueAdminEndpoints
{
    private const int MaxUploadBytes = 2 * 1024 * 1024;

    public static RouteGroupBuilder MapIssueAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPost("/issues", UploadAsync);
        admin.MapGet("/issues/{number:int}", GetAsync);
        return admin;
    }

    private static async Task<IResult> UploadAsync(
        HttpRequest request, HttpResponse response, ArchiveStore archive, BroadcastService broadcasts,
        bool dryRun = false, bool publish = false, bool correction = false, bool broadcast = false)
    {
        if (broadcast && (!publish || correction))
        {
            return Errors(StatusCodes.Status400BadRequest, 0, "?broadcast=true schedules the new issue's broadcast; it goes with ?publish=true and not with a correction.");
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("text/plain" or "application/json"))
        {
            return Errors(StatusCodes.Status415UnsupportedMediaType, 0, "Send the issue as text/plain (the newsletter's text export) or application/json.");
        }

        var body = await Callback.BoundedBody.ReadAsync(request, MaxUploadBytes);
        if (body is null)
        {
            return Errors(StatusCodes.Status413PayloadTooLarge, 0, $"An issue upload is limited to {MaxUploadBytes / 1024 / 1024} MiB.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Errors(StatusCodes.Status400BadRequest, 0, "The upload is not valid UTF-8.");
        }

        var parsed = mediaType == "application/json" ? IssueJson.Parse(text) : IssueTextParser.Parse(text);
        if (parsed.Issue is not { } issue)
        {
            return TypedResults.Json(new IssueErrors(parsed.Errors), IssueAdminJsonContext.Default.IssueErrors, statusCode: StatusCodes.Status400BadRequest);
        }

        if (dryRun)
        {
            return IssueJsonResult(issue, StatusCodes.Status200OK);
        }

        if (publish)
        {
            if (await archive.PublishAsync(issue, correction) == 0)
            {
                return Errors(StatusCodes.Status400BadRequest, HeaderLine(text, issue.Number),
                    $"Issue {issue.Number} is already published. To replace it, publish a correction with ?publish=true&correction=true.");
            }
        }
        else if (!await archive.SaveDraftAsync(issue))
        {
            return Errors(StatusCodes.Status400BadRequest, HeaderLine(text, issue.Number),
                $"Issue {issue.Number} is already published; a draft cannot replace it. Publish a correction with ?publish=true&correction=true.");
        }

        if (broadcast)
        {
            // The issue is published whatever happens here; the headers say how its broadcast went.
            try
            {
                var (id, warnings) = await broadcasts.CreateDefaultAsync(issue.Number);
                response.Headers["X-Broadcast-Id"] = id;
                if (warnings.Count > 0)
                {
                    response.Headers["X-Broadcast-Warning"] = warnings.ToArray();
                }
            }
            catch (BroadcastRequestException e)
            {
                response.Headers["X-Broadcast-Error"] = e.Message;
            }
        }

        return IssueJsonResult(issue, StatusCodes.Status201Created, $"/admin/api/issues/{issue.Number}");
    }

    private static async Task<IResult> GetAsync(int number, ArchiveStore archive)
    {
        var stored = await archive.GetAsync(number);
        return stored is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No issue {number}, published or draft.")
            : IssueJsonResult(stored.Issue, StatusCodes.Status200OK);
    }

    private static IResult IssueJsonResult(Issue issue, int status, string? location = null) =>
        new IssueJsonHttpResult(IssueJson.Serialize(issue), status, location);

    private static JsonHttpResult<IssueErrors> Errors(int status, int line, string message) =>
        TypedResults.Json(new IssueErrors([new IssueError(line, message)]), IssueAdminJsonContext.Default.IssueErrors, statusCode: status);

    /// <summary>The line that names the issue number, so a duplicate is reported where the upload says it.</summary>
    private static int HeaderLine(string text, int number)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains($"总第{number}期", StringComparison.Ordinal) || l.Contains($"\"number\": {number}", StringComparison.Ordinal) || l.Contains($"\"number\":{number}", StringComparison.Ordinal));
        return index + 1;
    }

    private sealed class IssueJsonHttpResult(string json, int status, string? location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            if (location is not null)
            {
                context.Response.Headers.Location = location;
            }

            return context.Response.WriteAsync(json);
        }
    }
}
