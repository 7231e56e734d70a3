using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Subscription.WeChatEmulator.Admin;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Callbacks;
using Subscription.WeChatEmulator.Followers;
using Subscription.WeChatEmulator.Mass;
using Subscription.WeChatEmulator.Media;
using Subscription.WeChatEmulator.Menu;
using Subscription.WeChatEmulator.Messaging;
using Subscription.WeChatEmulator.Quotas;
using Subscription.WeChatEmulator.Tags;
using Subscription.WeChatEmulator.Tokens;

namespace Subscription.WeChatEmulator.Hosting;

/// <summary>Builds the emulator's web app: WeChat's API under /cgi-bin, test controls under /_emulator.</summary>
public static class EmulatorApp
{
    public const string ConfigurationSection = "Emulator";
    public const string DefaultUrl = "http://127.0.0.1:5077";

    /// <summary>Builds an app; settings in the "Emulator" configuration section (args, environment) override <paramref name="options"/>.</summary>
    public static WebApplication Build(EmulatorOptions options, string[]? args = null)
    {
        var builder = CreateBuilder(args);
        builder.Configuration.GetSection(ConfigurationSection).Bind(options);
        return Build(builder, new EmulatorState(options));
    }

    /// <summary>Builds an app around an existing state (configuration does not change it).</summary>
    public static WebApplication Build(EmulatorState state, string[]? args = null) => Build(CreateBuilder(args), state);

    private static WebApplicationBuilder CreateBuilder(string[]? args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(EmulatorApp).Assembly.GetName().Name,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 32 * 1024 * 1024;
            kestrel.ConfigureEndpointDefaults(RequireLoopback);
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        return builder;
    }

    private static WebApplication Build(WebApplicationBuilder builder, EmulatorState state)
    {
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(state.Options);
        builder.Services.AddSingleton<CallbackSender>();
        builder.Services.AddSingleton<FollowerSimulator>();
        builder.Services.AddHostedService<JobEventPump>();

        var app = builder.Build();
        var cgi = app.MapGroup("/cgi-bin").AddEndpointFilter<ApiGateFilter>();
        cgi.MapTokenEndpoints();
        cgi.MapUserEndpoints();
        cgi.MapTagEndpoints();
        cgi.MapCustomSend();
        cgi.MapTemplateSend();
        cgi.MapMassEndpoints();
        cgi.MapDraftEndpoints();
        cgi.MapMediaEndpoints();
        cgi.MapMenuEndpoints();
        cgi.MapQuotaEndpoints();
        app.MapAdminEndpoints();
        return app;
    }

    /// <summary>The emulator is a test double: it must never listen beyond this machine.</summary>
    private static void RequireLoopback(ListenOptions listen)
    {
        if (listen.IPEndPoint is not { } endpoint || !IPAddress.IsLoopback(endpoint.Address))
        {
            throw new InvalidOperationException($"The WeChat emulator binds to loopback only (127.0.0.1), not {listen}.");
        }
    }

    /// <summary>The state behind a built app.</summary>
    public static EmulatorState State(this WebApplication app) => app.Services.GetRequiredService<EmulatorState>();

    /// <summary>The follower simulator of a built app, pushing to <see cref="CallbackOptions.ServerUrl"/>.</summary>
    public static FollowerSimulator Simulator(this WebApplication app) => app.Services.GetRequiredService<FollowerSimulator>();
}
