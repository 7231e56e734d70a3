using System.Text;
using System.Text.Json;

namespace Subscription.Benchmarks;

/// <summary>
/// Issues that look like the newsletter's (15 articles in 4 sections, policy vocabulary, ~900 characters
/// an article) in the JSON the admin API accepts. Seeded, so every run searches the same archive.
/// </summary>
public sealed class SyntheticIssues(int seed)
{
    public static readonly string[] Sections = ["国策要论", "地方新政", "产业前沿", "数谷动态"];
    private static readonly int[] SectionSizes = [2, 9, 2, 2];

    public static readonly string[] Vocabulary =
    [
        "数据要素", "数字经济", "人工智能", "算力网络", "公共数据", "数据资产", "数据安全", "跨境电商", "海外仓", "工业互联网",
        "智能制造", "数字政府", "数据交易所", "隐私计算", "区块链", "云计算", "大模型", "数字化转型", "中小企业", "专精特新",
        "数据确权", "数据流通", "数据治理", "标准体系", "新型基础设施", "东数西算", "数据中心", "绿色低碳", "网络安全", "个人信息保护",
        "政务服务", "智慧城市", "车联网", "低空经济", "卫星互联网", "集成电路", "开源生态", "数字人民币", "供应链金融", "知识产权",
        "海洋数据", "气象服务", "医疗健康", "智慧农业", "文化旅游", "应急管理", "城市治理", "人才培养", "营商环境", "试点示范",
    ];

    private static readonly string[] Connectives = ["推进", "加快", "支持", "鼓励", "完善", "强化", "健全", "探索", "提升", "落实"];

    private static readonly string[] Places = ["北京", "上海", "广东", "浙江", "贵州", "四川", "江西", "广西", "湖南", "山东", "成都", "合肥", "青岛", "贵阳"];

    public string Json(int number)
    {
        var random = new Random(seed * 100_003 + number);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var date = new DateOnly(2015, 1, 5).AddDays(7 * number);
            json.WriteStartObject();
            json.WriteNumber("number", number);
            json.WriteNumber("numberInYear", number % 50 + 1);
            json.WriteString("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("headline", Title(random, number, 0));
            json.WriteStartArray("sections");
            foreach (var section in Sections)
            {
                json.WriteStringValue(section);
            }

            json.WriteEndArray();
            json.WriteStartArray("articles");
            var index = 0;
            for (var s = 0; s < Sections.Length; s++)
            {
                for (var a = 0; a < SectionSizes[s]; a++, index++)
                {
                    json.WriteStartObject();
                    json.WriteString("section", Sections[s]);
                    json.WriteNumber("page", index + 1);
                    json.WriteString("title", Title(random, number, index));
                    json.WriteString("source", Places[random.Next(Places.Length)] + "市人民政府");
                    json.WriteString("url", $"https://example.gov.cn/{number}/{index}.html");
                    json.WriteStartArray("paragraphs");
                    for (var p = 0; p < 4; p++)
                    {
                        json.WriteStringValue(Paragraph(random));
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The issue number in the title keeps titles distinct within an issue, as the API requires.
    private static string Title(Random random, int number, int index) =>
        $"{Places[random.Next(Places.Length)]}{Connectives[random.Next(Connectives.Length)]}{Pick(random)}与{Pick(random)}发展（{number}-{index + 1}）";

    private static string Paragraph(Random random)
    {
        var text = new StringBuilder();
        while (text.Length < 220)
        {
            text.Append(Connectives[random.Next(Connectives.Length)]).Append(Pick(random)).Append('和').Append(Pick(random))
                .Append("协同发展，").Append("围绕").Append(Pick(random)).Append("开展").Append(Pick(random)).Append("试点。");
        }

        return text.ToString();
    }

    private static string Pick(Random random) => Vocabulary[random.Next(Vocabulary.Length)];
}
