using System.Collections.Frozen;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Media;

/// <summary>Multipart uploads (§12): media/uploadimg and material/add_material.</summary>
public static class MediaEndpoints
{
    private const int OneMegabyte = 1024 * 1024;

    // Size caps per material type (WeChat's material doc: image 10 MB, voice 2 MB, video 10 MB, thumb 64 KB).
    private static readonly FrozenDictionary<string, long> MaterialCaps = new Dictionary<string, long>
    {
        ["image"] = 10 * OneMegabyte,
        ["voice"] = 2 * OneMegabyte,
        ["video"] = 10 * OneMegabyte,
        ["thumb"] = 64 * 1024,
    }.ToFrozenDictionary();

    public static void MapMediaEndpoints(this RouteGroupBuilder cgi)
    {
        cgi.MapPost("/media/uploadimg", async (HttpRequest request, EmulatorState state, CancellationToken cancellationToken) =>
        {
            var file = await ReadMediaAsync(request, cancellationToken);
            if (file is null)
            {
                return WeChatResults.Error(41005);
            }

            // Inline article images: jpg/png only, ≤ 1 MB.
            var extension = Path.GetExtension(file.FileName).TrimStart('.').ToLowerInvariant();
            if (extension is not ("jpg" or "jpeg" or "png"))
            {
                return WeChatResults.Error(40005);
            }

            return file.Length > OneMegabyte
                ? WeChatResults.Error(40009)
                : WeChatResults.Json(new { url = state.Media.AddArticleImage(extension == "png" ? "png" : "jpg") });
        }).WithFamily(ApiFamily.Material);

        cgi.MapPost("/material/add_material", async (string? type, HttpRequest request, EmulatorState state, CancellationToken cancellationToken) =>
        {
            if (type is null || !MaterialCaps.TryGetValue(type, out var cap))
            {
                return WeChatResults.Error(40004);
            }

            var file = await ReadMediaAsync(request, cancellationToken);
            if (file is null)
            {
                return WeChatResults.Error(41005);
            }

            if (file.Length > cap)
            {
                return WeChatResults.Error(type == "image" ? 40009 : 40006);
            }

            var material = state.Media.AddMaterial(type, file.Length, file.FileName);
            return WeChatResults.Json(new { media_id = material.MediaId, url = material.Url });
        }).WithFamily(ApiFamily.Material);
    }

    private static async Task<IFormFile?> ReadMediaAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        return form.Files.GetFile("media") is { Length: > 0 } file ? file : null;
    }
}
