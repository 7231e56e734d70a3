using System.Net.Http.Headers;
using System.Text;

namespace Subscription.WeChat.Tests.Api;

/// <summary>The single file part of an upload, parsed from the raw body the way a strict server would.</summary>
internal sealed record MultipartFile(string Disposition, string ContentType, byte[] Bytes)
{
    public static MultipartFile Parse(MediaTypeHeaderValue? contentType, byte[] body)
    {
        if (contentType?.MediaType != "multipart/form-data")
        {
            throw new FakeRejection(41005, "media data missing");
        }

        var boundary = contentType.Parameters.SingleOrDefault(p => p.Name == "boundary")?.Value;
        if (boundary is null or "" || boundary.StartsWith('"'))
        {
            // Quoted boundaries are what trips WeChat up with .NET's defaults.
            throw new FakeRejection(41005, $"media data missing: boundary {boundary ?? "(none)"}");
        }

        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var positions = new List<int>();
        for (var at = body.AsSpan().IndexOf(delimiter); at >= 0;)
        {
            positions.Add(at);
            var next = body.AsSpan(at + delimiter.Length).IndexOf(delimiter);
            at = next < 0 ? -1 : at + delimiter.Length + next;
        }

        if (positions.Count != 2 || positions[0] != 0 || !body.AsSpan(positions[1] + delimiter.Length).StartsWith("--"u8))
        {
            throw new FakeRejection(41005, $"media data missing: expected exactly one part, found {positions.Count - 1}");
        }

        var part = body.AsSpan(delimiter.Length, positions[1] - delimiter.Length);
        if (!part.StartsWith("\r\n"u8) || !part.EndsWith("\r\n"u8))
        {
            throw new FakeRejection(41005, "media data missing: malformed part");
        }

        part = part[2..^2];
        var headerEnd = part.IndexOf("\r\n\r\n"u8);
        var headers = Encoding.ASCII.GetString(part[..headerEnd])
            .Split("\r\n")
            .Select(line => line.Split(':', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new MultipartFile(
            headers.GetValueOrDefault("Content-Disposition", ""),
            headers.GetValueOrDefault("Content-Type", ""),
            part[(headerEnd + 4)..].ToArray());
    }

    /// <summary>The <c>filename</c> of a part named exactly <c>"media"</c> with both values quoted.</summary>
    public string RequireMediaFileName()
    {
        const string Prefix = "form-data; name=\"media\"; filename=\"";
        if (!Disposition.StartsWith(Prefix, StringComparison.Ordinal) || !Disposition.EndsWith('"'))
        {
            throw new FakeRejection(41005, $"media data missing: Content-Disposition {Disposition}");
        }

        return Disposition[Prefix.Length..^1];
    }
}
