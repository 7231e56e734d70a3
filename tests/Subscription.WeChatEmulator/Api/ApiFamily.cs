namespace Subscription.WeChatEmulator.Api;

/// <summary>Groups of WeChat APIs that share fault-injection settings.</summary>
public enum ApiFamily
{
    Token,
    User,
    Tag,
    Custom,
    Template,
    Mass,
    Draft,
    Material,
    Menu,
    Quota,
}

/// <summary>Endpoint metadata naming the API family an endpoint belongs to.</summary>
public sealed record ApiFamilyMetadata(ApiFamily Family);

public static class ApiFamilyExtensions
{
    public static TBuilder WithFamily<TBuilder>(this TBuilder builder, ApiFamily family)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiFamilyMetadata(family));
}
