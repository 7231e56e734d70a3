using System.Text.Json;
using Subscription.Server.Digests;
using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Digests;

public sealed class TemplateMessageTests
{
    private readonly Issue _sample = SampleIssue.Create();

    [Fact]
    public void TemplateMessage_SampleIssue_FillsTheConfiguredKeywords()
    {
        var payload = Renderers.Create().TemplateMessage(_sample, "oUser1", "tpl-1", "issue185-oUser1");

        Assert.Equal("oUser1", payload.ToUser);
        Assert.Equal("tpl-1", payload.TemplateId);
        Assert.Equal("issue185-oUser1", payload.ClientMsgId);
        Assert.Equal("https://digest.example.cn/issues/185", payload.Url);
        Assert.Equal(["thing1", "time2", "character_string3"], payload.Data.Keys);
        Assert.Equal("商务部等9部门发布关于拓展跨境电商出口…", payload.Data["thing1"].Value);
        Assert.Equal("2024年6月17日", payload.Data["time2"].Value);
        Assert.Equal("No.185", payload.Data["character_string3"].Value);
    }

    [Fact]
    public void TemplateMessage_ToJson_HasWeChatShapeWithLiteralChinese()
    {
        var json = Renderers.Create().TemplateMessage(_sample, "oUser1", "tpl-1", "c1").ToJson();

        Assert.Contains("\"value\":\"商务部等9部门", json);
        Assert.DoesNotContain("\\u", json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["touser", "template_id", "url", "client_msg_id", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2024年6月17日", root.GetProperty("data").GetProperty("time2").GetProperty("value").GetString());
    }

    [Fact]
    public void TemplateMessage_EmojiHeadline_KeepsEmojiWholeWithin20Elements()
    {
        var headline = $"{ExtremeIssue.Family}{ExtremeIssue.Flag}😀<数据>&\"要素\"\r\n市场{ExtremeIssue.Family}化配置改革试点推进全国一体化";
        var payload = Renderers.Create().TemplateMessage(_sample with { Headline = headline }, "o", "t", "c");

        var title = payload.Data["thing1"].Value;
        Assert.Equal(20, Renderers.Elements(title));
        Assert.StartsWith($"{ExtremeIssue.Family}{ExtremeIssue.Flag}😀<数据>&\"要素\" 市场{ExtremeIssue.Family}", title, StringComparison.Ordinal);
        Assert.True(Renderers.SurrogatesPaired(title));
        var json = payload.ToJson();
        Assert.DoesNotContain("\\u", json);
        Assert.Contains(ExtremeIssue.Family, json, StringComparison.Ordinal);
        Assert.Equal(title, JsonDocument.Parse(json).RootElement.GetProperty("data").GetProperty("thing1").GetProperty("value").GetString());
    }

    [Fact]
    public void TemplateMessage_ExtremeIssue_EveryValueWithin20ElementsOnOneLine()
    {
        var payload = Renderers.Create().TemplateMessage(ExtremeIssue.Create(), "o", "t", "c");

        Assert.All(payload.Data.Values, v =>
        {
            Assert.InRange(Renderers.Elements(v.Value), 1, 20);
            Assert.DoesNotContain('\n', v.Value);
            Assert.DoesNotContain('\r', v.Value);
            Assert.True(Renderers.SurrogatesPaired(v.Value));
        });
    }

    [Fact]
    public void TemplateMessage_ControlsAndSeparators_BecomeSingleSpacesWithoutEscapes()
    {
        var payload = Renderers.Create().TemplateMessage(_sample with { Headline = "第一行\r\n\t第二行\u2028第三\u00A0行\u0001尾" }, "o", "t", "c");

        Assert.Equal("第一行 第二行 第三 行 尾", payload.Data["thing1"].Value);
        Assert.DoesNotContain("\\u", payload.ToJson());
    }

    [Theory]
    [InlineData("C:\\uD83D\\uDE00")]
    [InlineData("C:\\\\uD83D\\uDE00")]
    [InlineData("😀\\\\😀")]
    public void TemplateMessage_LiteralBackslashU_SurvivesJsonRoundTrip(string headline)
    {
        var json = Renderers.Create().TemplateMessage(_sample with { Headline = headline }, "o", "t", "c").ToJson();

        var value = JsonDocument.Parse(json).RootElement.GetProperty("data").GetProperty("thing1").GetProperty("value").GetString();
        Assert.Equal(headline, value);
    }

    [Fact]
    public void TemplateMessage_CustomFieldNames_AreTheDataKeys()
    {
        var renderer = Renderers.Create(configure: o => o.TemplateFields = new TemplateFieldNames { Title = "thing9", Date = "time8", Issue = "character_string7" });

        var payload = renderer.TemplateMessage(_sample, "o", "t", "c");

        Assert.Equal(["thing9", "time8", "character_string7"], payload.Data.Keys);
    }

    [Theory]
    [InlineData("", "t", "c")]
    [InlineData("o", " ", "c")]
    [InlineData("o", "t", "")]
    public void TemplateMessage_BlankIdentifier_Throws(string openId, string templateId, string clientMsgId)
    {
        Assert.Throws<ArgumentException>(() => Renderers.Create().TemplateMessage(_sample, openId, templateId, clientMsgId));
    }
}
