using System.Text;
using System.Text.RegularExpressions;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Deliveries;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Media;

/// <summary>POST /cgi-bin/draft/add (§13.1).</summary>
public static partial class DraftEndpoints
{
    private const int MaxArticles = 8;
    private const int MaxContentChars = 20_000;
    private const int MaxContentBytes = 1024 * 1024;

    public static void MapDraftEndpoints(this RouteGroupBuilder cgi)
    {
        cgi.MapPost("/draft/add", (WeChatJson body, EmulatorState state) =>
        {
            if (body.Root.Arr("articles") is not { } list || list.GetArrayLength() == 0)
            {
                return WeChatResults.Error(44003);
            }

            if (list.GetArrayLength() > MaxArticles)
            {
                return WeChatResults.Error(45008);
            }

            var articles = new List<DraftArticle>();
            foreach (var article in list.EnumerateArray())
            {
                var title = article.Str("title");
                var content = article.Str("content");
                if (string.IsNullOrEmpty(title) || string.IsNullOrEmpty(content))
                {
                    return WeChatResults.Error(44003);
                }

                // "content < 20 000 characters and < 1 MB" (§13.1).
                if (content.Length >= MaxContentChars || Encoding.UTF8.GetByteCount(content) >= MaxContentBytes)
                {
                    return WeChatResults.Error(45002);
                }

                // A news article needs a cover from add_material (type image or thumb).
                var type = article.Str("article_type") ?? "news";
                if (type == "news" && state.Media.Material(article.Str("thumb_media_id")) is not { Type: "image" or "thumb" })
                {
                    return WeChatResults.Error(40007);
                }

                // WeChat strips JavaScript from the content; the digest is of what would be published.
                var published = Script().Replace(content, "");
                articles.Add(new DraftArticle(title, ContentDigest.Of($"{title}\n{published}"), published.Length));
            }

            return WeChatResults.Json(new { media_id = state.Media.AddDraft(articles).MediaId });
        }).WithFamily(ApiFamily.Draft);
    }

    [GeneratedRegex("<script\\b[^>]*>.*?</script\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Script();
}
