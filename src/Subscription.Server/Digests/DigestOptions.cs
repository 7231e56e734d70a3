using System.ComponentModel.DataAnnotations;

namespace Subscription.Server.Digests;

/// <summary>Settings "Digest:*": where readers find an issue and how the digests present it.</summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string Section = "Digest";

    /// <summary>Root of the reader pages: {base}/issues/{number} and {base}/issues/{number}/{articleIndex}.</summary>
    [Required(ErrorMessage = "Digest:PublicBaseUrl is required.")]
    public Uri PublicBaseUrl { get; set; } = null!;

    /// <summary>PicUrl of the news card: jpg/png, 360×200 suits the large card.</summary>
    [Required(ErrorMessage = "Digest:CoverImageUrl is required.")]
    public Uri CoverImageUrl { get; set; } = null!;

    /// <summary>The publication's name in digest titles.</summary>
    [Required, StringLength(32, ErrorMessage = "Digest:Publication must be at most 32 characters.")]
    public string Publication { get; set; } = "大数据发展动态";

    /// <summary>The draft article's author line.</summary>
    [Required]
    public string Author { get; set; } = "大数据发展动态";

    [Required]
    public TemplateFieldNames TemplateFields { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsWebUrl(PublicBaseUrl) || PublicBaseUrl.Query.Length > 0 || PublicBaseUrl.Fragment.Length > 0)
        {
            yield return new("Digest:PublicBaseUrl must be an absolute http(s) URL without query or fragment.", [nameof(PublicBaseUrl)]);
        }
        else if (PublicBaseUrl.AbsoluteUri.Length > DigestLimits.PublicBaseUrlLength)
        {
            yield return new($"Digest:PublicBaseUrl must be at most {DigestLimits.PublicBaseUrlLength} characters.", [nameof(PublicBaseUrl)]);
        }

        if (!IsWebUrl(CoverImageUrl))
        {
            yield return new("Digest:CoverImageUrl must be an absolute http(s) URL.", [nameof(CoverImageUrl)]);
        }

        string[] fields = [TemplateFields.Title, TemplateFields.Date, TemplateFields.Issue];
        if (fields.Any(string.IsNullOrWhiteSpace) || fields.Distinct(StringComparer.Ordinal).Count() != fields.Length)
        {
            yield return new("Digest:TemplateFields:Title, Date and Issue must be distinct, non-empty keyword names.", [nameof(TemplateFields)]);
        }
    }

    internal static bool IsWebUrl(Uri? uri) => uri is { IsAbsoluteUri: true, Scheme: "http" or "https" };
}

/// <summary>Keyword names of the "new issue" template, as the WeChat console lists them.</summary>
public sealed class TemplateFieldNames
{
    public string Title { get; set; } = "thing1";

    public string Date { get; set; } = "time2";

    public string Issue { get; set; } = "character_string3";
}
