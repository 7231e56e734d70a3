using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Browser;

/// <summary>The browser tests share one Chromium and one Kestrel-hosted server (sample issue 185 published).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// Debian's Chromium (never a downloaded one) driven by Playwright, and the real server on a loopback socket.
/// Without Chromium nothing starts and every test skips with <see cref="SkipReason"/>.
/// </summary>
public sealed class BrowserFixture(StoreFixture store) : IAsyncLifetime
{
    /// <summary>Overrides the browser path (e.g. to check the skip path); CI leaves it unset.</summary>
    public const string EnvironmentVariable = "SUBSCRIPTION_TEST_CHROMIUM";

    public static readonly string ChromiumPath =
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string SkipReason => $"Chromium not installed ({ChromiumPath}); apt-get install chromium fonts-noto-cjk";

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    /// <summary>A phone in WeChat's in-app browser: 375×812 CSS px at 2×, touch, Chinese locale.</summary>
    private const string WeChatUserAgent =
        "Mozilla/5.0 (Linux; Android 14; Pixel 7 Build/UQ1A.240205.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) " +
        "Version/4.0 Chrome/122.0.6261.120 Mobile Safari/537.36 XWEB/1220133 MMWEBSDK/20240301 MMWEBID/1234 " +
        "MicroMessenger/8.0.48.2580(0x28003036) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";

    public const int PhoneWidth = 375;

    // Chromium's own network chatter is off, and no host name resolves: the test server is a bare loopback address,
    // and nothing a page links to (阅读原文) may reach for the (absent) internet.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ];

    private ServerFactory? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            return;
        }

        _server = new ServerFactory(store);
        _server.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);

        var publishing = new IssueUploads(_server.CreateAdminClient()).PublishSampleAsync();
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(20_000); // generous for a loaded CI machine; a healthy page answers at once
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 30_000,
        });
        await publishing;
    }

    /// <summary>
    /// A fresh phone-sized context and page on the test server; skips the test when Chromium is absent.
    /// Requests for anything but the test server are listed in <see cref="PhonePage.OffsiteRequests"/> (and fail: see the resolver rule).
    /// </summary>
    public async Task<PhonePage> OpenPhoneAsync()
    {
        Assert.SkipUnless(ChromiumInstalled, SkipReason);
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.AbsoluteUri,
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 812 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            UserAgent = WeChatUserAgent,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(20_000);
        var offsite = new ConcurrentQueue<string>();
        context.Request += (_, request) =>
        {
            if (new Uri(request.Url) is { Scheme: "http" or "https" } url && url.Authority != BaseAddress.Authority)
            {
                offsite.Enqueue(request.Url);
            }
        };
        return new PhonePage(context, await context.NewPageAsync(), offsite);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
