using System.Collections.Frozen;

namespace Subscription.WeChat.Api;

public sealed partial class WeChatApiClient
{
    /// <summary>Largest image for <c>media/uploadimg</c> (§12).</summary>
    public const int MaxArticleImageBytes = 1024 * 1024;

    private static readonly FrozenDictionary<string, string> MaterialImageTypes = new Dictionary<string, string>
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".gif"] = "image/gif", [".bmp"] = "image/bmp",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> ArticleImageTypes = new Dictionary<string, string>
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png",
    }.ToFrozenDictionary();

    /// <summary>POST /cgi-bin/draft/add (§13.1): returns the draft's media_id, usable as mass-send mpnews content.</summary>
    public async Task<string> AddDraftAsync(IReadOnlyList<DraftArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
        {
            throw new ArgumentException("A draft needs at least one article.", nameof(articles));
        }

        var response = await PostAsync("cgi-bin/draft/add", new DraftAddRequest(articles), Json.DraftAddRequest, Json.MediaIdResponse,
            cancellationToken).ConfigureAwait(false);
        return NonEmpty(response.MediaId, "cgi-bin/draft/add");
    }

    /// <summary>
    /// POST /cgi-bin/material/add_material?type=image (§12): a permanent image, e.g. a draft cover
    /// (thumb_media_id). jpg/jpeg/png/gif/bmp.
    /// </summary>
    public async Task<UploadedMaterial> AddImageMaterialAsync(string fileName, ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default)
    {
        var name = WeChatContent.SafeFileName(fileName, MaterialImageTypes, out var mediaType);
        RequireBytes(image, int.MaxValue, nameof(image));
        var material = await CallAsync(HttpMethod.Post, "cgi-bin/material/add_material", "type=image",
            () => WeChatContent.MediaFile(name, image, mediaType), Json.UploadedMaterial, 0, cancellationToken).ConfigureAwait(false);
        NonEmpty(material.MediaId, "cgi-bin/material/add_material");
        return material;
    }

    /// <summary>
    /// POST /cgi-bin/media/uploadimg (§12): an image for use inside article HTML; returns its URL. jpg/png ≤ 1 MB,
    /// not counted against the material library.
    /// </summary>
    public async Task<string> UploadArticleImageAsync(string fileName, ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default)
    {
        var name = WeChatContent.SafeFileName(fileName, ArticleImageTypes, out var mediaType);
        RequireBytes(image, MaxArticleImageBytes, nameof(image));
        var response = await CallAsync(HttpMethod.Post, "cgi-bin/media/uploadimg", null,
            () => WeChatContent.MediaFile(name, image, mediaType), Json.UrlResponse, 0, cancellationToken).ConfigureAwait(false);
        return NonEmpty(response.Url, "cgi-bin/media/uploadimg");
    }

    private static void RequireBytes(ReadOnlyMemory<byte> bytes, int max, string paramName)
    {
        if (bytes.IsEmpty || bytes.Length > max)
        {
            throw new ArgumentException($"Expected 1..{max} bytes, got {bytes.Length}.", paramName);
        }
    }

    private static string NonEmpty(string? value, string endpoint) =>
        string.IsNullOrEmpty(value) ? throw WeChatReply.Malformed(endpoint) : value;
}
