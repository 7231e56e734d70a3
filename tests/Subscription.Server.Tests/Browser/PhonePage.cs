using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Subscription.Server.Tests.Browser;

/// <summary>One test's browser context and page; disposing closes the context.</summary>
public sealed partial class PhonePage(IBrowserContext context, IPage page, ConcurrentQueue<string> offsite) : IAsyncDisposable
{
    public IPage Page => page;

    public IReadOnlyCollection<string> OffsiteRequests => offsite;

    /// <summary>Opens <paramref name="path"/> and insists on a 200.</summary>
    public async Task GotoAsync(string path)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots (git-ignored) and names it in the test output.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }

    /// <summary>Nothing is wider than the phone: no sideways scrolling, and names whatever sticks out if it fails.</summary>
    public async Task AssertNoHorizontalScrollAsync()
    {
        var layout = await page.EvaluateAsync<Layout>("""
            () => {
              const width = document.documentElement.clientWidth;
              const name = e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' “' + (e.textContent || '').trim().slice(0, 40) + '”';
              const all = [...document.querySelectorAll('body *')];
              // Boxes wider than the screen, and boxes whose text runs out of them (a long URL or title that cannot wrap).
              const wide = all.filter(e => e.getBoundingClientRect().right > width + 0.5);
              const spilling = all.filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1);
              const innermost = spilling.filter(e => !spilling.some(o => o !== e && e.contains(o)));
              return { scrollWidth: document.scrollingElement.scrollWidth, clientWidth: width, wide: wide.map(name), spilling: innermost.map(name) };
            }
            """);
        Assert.True(layout.ScrollWidth <= BrowserFixture.PhoneWidth && layout.Wide.Length == 0,
            $"{page.Url} scrolls sideways: scrollWidth {layout.ScrollWidth}, screen {BrowserFixture.PhoneWidth} (client {layout.ClientWidth}); " +
            $"too wide: [{string.Join(" | ", layout.Wide)}]; text spilling out of: [{string.Join(" | ", layout.Spilling)}]");
    }

    /// <summary>
    /// The Chinese text in <paramref name="selector"/> (ideographs only, e.g. the section headings) is drawn with real CJK
    /// glyphs, not tofu: each ideograph is one em wide (a missing-glyph box is not), and Chromium reports a CJK font for it.
    /// </summary>
    public async Task AssertDrawnInCjkFontAsync(string selector)
    {
        var boxes = await page.Locator(selector).EvaluateAllAsync<TextBox[]>("""
            elements => elements.map(e => {
              const range = document.createRange();
              range.selectNodeContents(e);
              const box = range.getBoundingClientRect();
              return { text: e.textContent.trim(), width: box.width, height: box.height, fontSize: parseFloat(getComputedStyle(e).fontSize) };
            })
            """);
        Assert.NotEmpty(boxes);
        foreach (var box in boxes)
        {
            var em = box.FontSize;
            Assert.True(Math.Abs(box.Width - box.Text.Length * em) <= 2,
                $"“{box.Text}” is {box.Width:0.#}px wide; {box.Text.Length} full-width glyphs at {em:0.#}px would be {box.Text.Length * em:0.#}px (tofu?)");
            Assert.True(box.Height >= em && box.Height <= 2.5 * em, $"“{box.Text}” is {box.Height:0.#}px tall at {em:0.#}px");
        }

        // Which fonts Chromium actually drew the first element with (DevTools' CSS.getPlatformFontsForNode).
        var cdp = await page.Context.NewCDPSessionAsync(page);
        try
        {
            await cdp.SendAsync("DOM.enable");
            await cdp.SendAsync("CSS.enable");
            var root = (await cdp.SendAsync("DOM.getDocument", new() { ["depth"] = 0 }))!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
            var node = (await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = root, ["selector"] = selector }))!.Value.GetProperty("nodeId").GetInt32();
            var fonts = (await cdp.SendAsync("CSS.getPlatformFontsForNode", new() { ["nodeId"] = node }))!.Value.GetProperty("fonts")
                .EnumerateArray().Select(f => (Family: f.GetProperty("familyName").GetString()!, Glyphs: f.GetProperty("glyphCount").GetInt32())).ToList();
            var used = string.Join(", ", fonts.Select(f => $"{f.Family} ({f.Glyphs} glyphs)"));
            Assert.True(fonts.Where(f => CjkFontFamily().IsMatch(f.Family)).Sum(f => f.Glyphs) >= boxes[0].Text.Length,
                $"“{boxes[0].Text}” is not drawn in a CJK font; Chromium used: {used}");
            TestContext.Current.TestOutputHelper?.WriteLine($"“{boxes[0].Text}” drawn with {used}");
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }

    [GeneratedRegex("CJK|Source Han|WenQuanYi|WQY|Droid Sans Fallback|PingFang|Hiragino|YaHei|SimHei|SimSun|Heiti|Songti|AR PL", RegexOptions.IgnoreCase)]
    private static partial Regex CjkFontFamily();

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    private sealed class Layout
    {
        public int ScrollWidth { get; set; }

        public int ClientWidth { get; set; }

        public string[] Wide { get; set; } = [];

        public string[] Spilling { get; set; } = [];
    }

    private sealed class TextBox
    {
        public string Text { get; set; } = "";

        public double Width { get; set; }

        public double Height { get; set; }

        public double FontSize { get; set; }
    }
}
