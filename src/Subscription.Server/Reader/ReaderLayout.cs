using static Subscription.Server.Reader.HtmlText;

namespace Subscription.Server.Reader;

/// <summary>The page shell: mobile-first, one small inline stylesheet, no scripts, no external assets.</summary>
internal static class ReaderLayout
{
    private const string Style = """
        :root{color-scheme:light dark;--fg:#1a1a1a;--muted:#6b6b6b;--line:#e5e5e5;--accent:#0b5cad;--bg:#fff}
        @media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--muted:#9a9a9a;--line:#333;--accent:#6aa9ff;--bg:#111}}
        *{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.7 -apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif;-webkit-text-size-adjust:100%}
        main{max-width:40rem;margin:0 auto;padding:1rem 1.1rem 3rem}header.site{border-bottom:1px solid var(--line);padding:.6rem 1.1rem;font-size:.95rem}
        header.site a{color:var(--fg);text-decoration:none;font-weight:600}a{color:var(--accent)}h1{font-size:1.35rem;line-height:1.45;margin:.6rem 0}
        h2{font-size:1.1rem;margin:1.6rem 0 .4rem;padding-left:.5rem;border-left:4px solid var(--accent)}.meta{color:var(--muted);font-size:.9rem}
        ol,ul{padding-left:1.2rem}li{margin:.55rem 0}.summary{color:var(--muted);font-size:.95rem;margin:.15rem 0 0}
        p{margin:.9rem 0;text-align:justify}form{display:flex;gap:.5rem;margin:1rem 0}input[type=search]{flex:1;font-size:1rem;padding:.5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
        button{font-size:1rem;padding:.5rem .9rem;border:0;border-radius:6px;background:var(--accent);color:#fff}nav.pages{display:flex;justify-content:space-between;margin-top:1.5rem}
        """;

    public static string Page(string title, string description, string body) => $"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width,initial-scale=1">
        <title>{E(title)}</title>
        <meta name="description" content="{E(description)}">
        <meta property="og:title" content="{E(title)}">
        <meta property="og:description" content="{E(description)}">
        <style>{Style}</style>
        </head>
        <body>
        <header class="site"><a href="/issues">大数据发展动态</a> · <a href="/search">搜索</a></header>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;

    public static string SearchForm(string? query) => $"""
        <form action="/search" method="get" role="search"><input type="search" name="q" value="{E(query)}" placeholder="搜索标题与正文" aria-label="关键词"><button type="submit">搜索</button></form>
        """;
}
