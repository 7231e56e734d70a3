using System.Net.Http.Headers;
using System.Text;

namespace Subscription.WeChat.Api;

/// <summary>Request bodies. Built per attempt, since an HttpContent cannot be sent twice.</summary>
internal static class WeChatContent
{
    public static HttpContent Json(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        // Added as text, so a send neither builds nor formats a header object.
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }

    /// <summary>
    /// One file in the form field <c>media</c> (§12). WeChat's upload endpoints are known to reject what .NET
    /// emits by default — a quoted boundary and an unquoted field name — so both are written the way browsers do.
    /// </summary>
    public static HttpContent MediaFile(string fileName, ReadOnlyMemory<byte> bytes, string mediaType)
    {
        var boundary = "----WeChatUpload" + Guid.NewGuid().ToString("N");
        var form = new MultipartFormDataContent(boundary);
        form.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data")
        {
            Parameters = { new NameValueHeaderValue("boundary", boundary) },
        };

        var file = new ReadOnlyMemoryContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = "\"media\"",
            FileName = $"\"{fileName}\"",
        };
        form.Add(file);
        return form;
    }

    /// <summary>
    /// An ASCII file name with a lower-case extension: WeChat picks the type from the extension and answers
    /// 40113 for ones it doesn't know; non-ASCII names would need RFC 5987 encoding it doesn't read.
    /// </summary>
    public static string SafeFileName(string fileName, IReadOnlyDictionary<string, string> mediaTypes, out string mediaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!mediaTypes.TryGetValue(extension, out mediaType!))
        {
            throw new ArgumentException(
                $"Unsupported file type '{extension}'; expected one of {string.Join(", ", mediaTypes.Keys)}.", nameof(fileName));
        }

        var name = new StringBuilder();
        foreach (var c in Path.GetFileNameWithoutExtension(fileName))
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return (name.Length == 0 ? "file" : name.ToString()) + extension;
    }
}
