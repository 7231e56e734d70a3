using System.Security.Cryptography;

namespace Subscription.WeChatEmulator.Media;

/// <summary>Permanent material, article images and drafts (§12, §13.1), by media_id. Content is not kept, only sizes and digests.</summary>
public sealed class MaterialStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Material> _materials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Draft> _drafts = new(StringComparer.Ordinal);
    private int _images;

    public Material AddMaterial(string type, long size, string? fileName)
    {
        var mediaId = NewMediaId();
        var url = type is "image" or "thumb" ? $"http://mmbiz.qpic.cn/sz_mmbiz_jpg/{mediaId[..22]}/0?wx_fmt=jpeg" : null;
        var material = new Material(mediaId, type, size, fileName, url);
        lock (_lock)
        {
            _materials[mediaId] = material;
        }

        return material;
    }

    /// <summary>media/uploadimg: an image for article HTML; only its URL is returned (§12).</summary>
    public string AddArticleImage(string extension)
    {
        lock (_lock)
        {
            _images++;
        }

        return $"http://mmbiz.qpic.cn/sz_mmbiz_{extension}/{NewMediaId()[..22]}/0";
    }

    public Draft AddDraft(IReadOnlyList<DraftArticle> articles)
    {
        var draft = new Draft(NewMediaId(), articles);
        lock (_lock)
        {
            _drafts[draft.MediaId] = draft;
        }

        return draft;
    }

    public Material? Material(string? mediaId)
    {
        lock (_lock)
        {
            return mediaId is null ? null : _materials.GetValueOrDefault(mediaId);
        }
    }

    public Draft? Draft(string? mediaId)
    {
        lock (_lock)
        {
            return mediaId is null ? null : _drafts.GetValueOrDefault(mediaId);
        }
    }

    public MaterialCounts Counts
    {
        get
        {
            lock (_lock)
            {
                return new MaterialCounts(_materials.Count, _drafts.Count, _images);
            }
        }
    }

    // Real media_ids are 43-64 URL-safe characters.
    private static string NewMediaId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(33)).Replace('+', '-').Replace('/', '_');
}

public sealed record Material(string MediaId, string Type, long Size, string? FileName, string? Url);

public sealed record DraftArticle(string Title, string Digest, int ContentLength);

public sealed record Draft(string MediaId, IReadOnlyList<DraftArticle> Articles);

public sealed record MaterialCounts(int Materials, int Drafts, int ArticleImages);
