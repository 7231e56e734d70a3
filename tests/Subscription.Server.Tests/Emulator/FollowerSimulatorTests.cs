using System.Xml.Linq;
using Subscription.WeChat;
using Subscription.WeChatEmulator.Callbacks;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Emulator;

public sealed class FollowerSimulatorTests : EmulatorTest
{
    private const string Token = "callbacktoken";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private CallbackListener? _listener;

    private CallbackListener Listener => _listener!;

    protected override EmulatorOptions Options() => new()
    {
        RandomSeed = 42,
        SeedFollowers = 5,
        Callback = new CallbackOptions { Token = Token, JobFinishDelay = TimeSpan.Zero, Timeout = TimeSpan.FromMilliseconds(500), Retries = 3 },
    };

    [Fact]
    public async Task A_follow_reaches_the_server_signed_and_opens_the_window()
    {
        await StartListenerAsync(CallbackMode.Plain);

        var (openId, result) = await Host.Simulator.FollowNewAsync(qrScene: "42");
        var push = await Listener.NextAsync();

        Assert.True(result.Delivered);
        Assert.Equal("success", result.Reply);
        Assert.True(Signature.Verify(push["signature"], Token, push["timestamp"], push["nonce"]));
        Assert.Equal(openId, push["openid"]);
        var xml = XElement.Parse(push.Body);
        Assert.Equal("subscribe", (string?)xml.Element("Event"));
        Assert.Equal("qrscene_42", (string?)xml.Element("EventKey"));
        Assert.Equal(State.Options.OriginalId, (string?)xml.Element("ToUserName"));
        Assert.Equal(openId, (string?)xml.Element("FromUserName"));

        var token = await Api.TokenAsync();
        var send = await Api.PostAsync("/cgi-bin/message/custom/send", token, new { touser = openId, msgtype = "text", text = new { content = "欢迎" } });
        Assert.Equal(0, Errcode(send));
    }

    [Fact]
    public async Task Safe_mode_pushes_are_encrypted_and_encrypted_replies_are_opened()
    {
        await StartListenerAsync(CallbackMode.Safe);
        var crypto = new MessageCrypto(Token, AesKey, State.Options.AppId);
        Listener.Reply = push => Task.FromResult(crypto.WrapReply("<xml><Content><![CDATA[第42期]]></Content></xml>", push["timestamp"], push["nonce"]));

        var result = await Host.Simulator.ClickAsync(OpenId(1), "LATEST_ISSUE");
        var push = await Listener.NextAsync();

        var envelope = XElement.Parse(push.Body);
        Assert.Null(envelope.Element("Event"));
        var encrypt = (string)envelope.Element("Encrypt")!;
        Assert.Equal("aes", push["encrypt_type"]);
        Assert.True(crypto.VerifyMessageSignature(push["msg_signature"], push["timestamp"], push["nonce"], encrypt));
        var inner = XElement.Parse(crypto.Decrypt(encrypt));
        Assert.Equal("CLICK", (string?)inner.Element("Event"));
        Assert.Equal("LATEST_ISSUE", (string?)inner.Element("EventKey"));
        Assert.True(result.ReplySignatureValid);
        Assert.Contains("第42期", result.Reply);
    }

    [Fact]
    public async Task Sends_are_followed_by_job_finish_events()
    {
        await StartListenerAsync(CallbackMode.Plain);
        var token = await Api.TokenAsync();

        var template = await Api.PostAsync("/cgi-bin/message/template/send", token,
            new { touser = OpenId(2), template_id = "TPL", data = new { thing1 = new { value = "第42期" } } });
        var templateEvent = XElement.Parse((await Listener.NextAsync()).Body);
        Assert.Equal("TEMPLATESENDJOBFINISH", (string?)templateEvent.Element("Event"));
        Assert.Equal(template.GetProperty("msgid").GetInt64(), (long)templateEvent.Element("MsgID")!);
        Assert.Equal("success", (string?)templateEvent.Element("Status"));

        var mass = await Api.PostAsync("/cgi-bin/message/mass/sendall", token,
            new { filter = new { is_to_all = true }, msgtype = "text", text = new { content = "第42期" } });
        var massEvent = XElement.Parse((await Listener.NextAsync()).Body);
        Assert.Equal("MASSSENDJOBFINISH", (string?)massEvent.Element("Event"));
        Assert.Equal(mass.GetProperty("msg_id").GetInt64(), (long)massEvent.Element("MsgID")!);
        Assert.Equal("send success", (string?)massEvent.Element("Status"));
        Assert.Equal(5, (int)massEvent.Element("SentCount")!);
    }

    [Fact]
    public async Task A_slow_server_gets_the_same_push_again()
    {
        await StartListenerAsync(CallbackMode.Plain);
        var calls = 0;
        Listener.Reply = async _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            return "success";
        };

        var result = await Api.AdminAsync("simulate/text", new { openid = OpenId(3), content = "你好" });
        var first = await Listener.NextAsync();
        var retry = await Listener.NextAsync();

        Assert.Equal(2, result.GetProperty("result").GetProperty("attempts").GetInt32());
        Assert.Equal(first["nonce"], retry["nonce"]);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal("你好", (string?)XElement.Parse(retry.Body).Element("Content"));
    }

    private async Task StartListenerAsync(CallbackMode mode)
    {
        _listener = await CallbackListener.StartAsync();
        State.Options.Callback.ServerUrl = _listener.Url;
        State.Options.Callback.Mode = mode;
        State.Options.Callback.EncodingAesKey = AesKey;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
