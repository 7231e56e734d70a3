using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Subscription.Server.Digests;

[JsonSerializable(typeof(TemplatePayload))]
public sealed partial class TemplateJsonContext : JsonSerializerContext
{
    /// <summary>Writes Chinese literally: WeChat rejects \uXXXX escapes with 40033. Immutable once built.</summary>
    public static TemplateJsonContext Relaxed { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
