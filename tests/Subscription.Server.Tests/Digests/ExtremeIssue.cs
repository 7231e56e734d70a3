using System.Globalization;
using System.Text;
using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Digests;

/// <summary>An issue far beyond any real one: long titles full of markup, CDATA ends and emoji.</summary>
internal static class ExtremeIssue
{
    public const string Script = "<script>alert('x')</script>";
    public const string Family = "👨‍👩‍👧‍👦";
    public const string Flag = "🇨🇳";

    public static readonly string[] Sections = ["国策要论", "地方新政", "产业前沿", "数谷动态", "<专题>&\"观察\""];

    private static readonly string[] Prefixes =
    [
        Script, "A&B “引号” \"quoted\" 标题", "含]]>的标题", $"{Family}家庭数据{Flag}😀", "<b>加粗</b>&amp;已转义",
    ];

    /// <param name="titleLength">Text elements in each title.</param>
    public static Issue Create(int articles = 40, int titleLength = 60, int summaryLength = 700)
    {
        var list = new List<Article>();
        for (var i = 0; i < articles; i++)
        {
            var title = Pad($"{Prefixes[i % Prefixes.Length]}第{i + 1}篇", titleLength);
            var url = i % 7 == 6 ? "javascript:alert(1)" : i % 5 == 4 ? null : $"https://www.example.gov.cn/zwgk/zcwj/{new string('p', 80)}/t2024061{i % 10}_{i}.html?a=1&b=\"2\"";
            var summary = Pad($"{Script}摘要{i + 1}：", summaryLength);
            list.Add(new Article(Sections[i % Sections.Length], i + 1, title, i % 3 == 2 ? null : $"来源{i}<i>&", url, [summary], summary));
        }

        return new Issue(999, 40, new DateOnly(2024, 12, 30), Pad($"{Script}{Family}头条", 60), Sections, list);
    }

    /// <summary>The prefix filled up with Chinese text to exactly <paramref name="length"/> text elements.</summary>
    public static string Pad(string prefix, int length)
    {
        const string filler = "数据要素市场化配置改革试点推进全国一体化算力网络国家枢纽节点建设";
        var text = new StringBuilder(prefix);
        for (var i = 0; new StringInfo(text.ToString()).LengthInTextElements < length; i++)
        {
            text.Append(filler[i % filler.Length]);
        }

        return text.ToString();
    }
}
