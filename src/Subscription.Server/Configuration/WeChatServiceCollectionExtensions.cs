using Microsoft.Extensions.Options;
using Subscription.WeChat;

namespace Subscription.Server.Configuration;

public static class WeChatServiceCollectionExtensions
{
    /// <summary>The account settings, validated at start-up, and the message crypto built from them.</summary>
    public static IServiceCollection AddWeChatAccount(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var account = sp.GetRequiredService<IOptions<WeChatOptions>>().Value;
            return new MessageCrypto(account.Token, account.EncodingAesKey, account.AppId);
        });
        return services;
    }
}
