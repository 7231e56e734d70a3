using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>Source-generated metadata for every body this client writes or reads. Use through <see cref="WeChatJson"/>.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(WeChatStatus))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(StableTokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(FollowerListResponse))]
[JsonSerializable(typeof(UserInfoBatchRequest))]
[JsonSerializable(typeof(UserInfoBatchResponse))]
[JsonSerializable(typeof(TagCreateRequest))]
[JsonSerializable(typeof(TagEnvelope))]
[JsonSerializable(typeof(TagListResponse))]
[JsonSerializable(typeof(TagMembersRequest))]
[JsonSerializable(typeof(TagFollowersRequest))]
[JsonSerializable(typeof(CustomTextRequest))]
[JsonSerializable(typeof(CustomNewsRequest))]
[JsonSerializable(typeof(TemplateMessage))]
[JsonSerializable(typeof(TemplateSendResponse))]
[JsonSerializable(typeof(MassSendRequest))]
[JsonSerializable(typeof(MassPreviewRequest))]
[JsonSerializable(typeof(MassSendResponse))]
[JsonSerializable(typeof(MassGetRequest))]
[JsonSerializable(typeof(MassStatusResponse))]
[JsonSerializable(typeof(MassDeleteRequest))]
[JsonSerializable(typeof(DraftAddRequest))]
[JsonSerializable(typeof(MediaIdResponse))]
[JsonSerializable(typeof(UploadedMaterial))]
[JsonSerializable(typeof(UrlResponse))]
[JsonSerializable(typeof(QuotaRequest))]
[JsonSerializable(typeof(QuotaResponse))]
internal sealed partial class WeChatJsonContext : JsonSerializerContext;
