using System.Security.Cryptography;
using System.Text;
using Subscription.WeChat;

namespace Subscription.Server.Callback;

/// <summary>GET /wechat (URL verification) and POST /wechat (messages and events).</summary>
public static class CallbackEndpoints
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapCallback(this IEndpointRouteBuilder app)
    {
        app.MapGet("/wechat", Verify);
        app.MapPost("/wechat", ReceiveAsync);
        return app;
    }

    private static IResult Verify([AsParameters] CallbackQuery query, CallbackAuthenticator authenticator, ILogger<CallbackProcessor> logger)
    {
        var problem = authenticator.Check(query);
        if (problem is not null)
        {
            logger.LogWarning("Refused URL verification: {Problem}", problem);
            return TypedResults.Text(problem, statusCode: StatusCodes.Status401Unauthorized);
        }

        return TypedResults.Text(query.EchoStr ?? "", "text/plain");
    }

    private static async Task<IResult> ReceiveAsync(
        [AsParameters] CallbackQuery query,
        HttpRequest request,
        CallbackAuthenticator authenticator,
        MessageCrypto crypto,
        CallbackProcessor processor,
        Microsoft.Extensions.Options.IOptions<CallbackOptions> options,
        ILogger<CallbackProcessor> logger)
    {
        if (!query.Encrypted && authenticator.Check(query) is { } refused)
        {
            return Refuse(logger, StatusCodes.Status401Unauthorized, refused);
        }

        var body = await BoundedBody.ReadAsync(request, options.Value.MaxBodyBytes);
        if (body is null)
        {
            return Refuse(logger, StatusCodes.Status413PayloadTooLarge, $"body larger than {options.Value.MaxBodyBytes} bytes");
        }

        InboundMessage message;
        try
        {
            var xml = StrictUtf8.GetString(body);
            if (query.Encrypted)
            {
                var envelope = InboundParser.ReadEnvelope(xml);
                if (authenticator.Check(query, envelope.Encrypt) is { } refusedEncrypted)
                {
                    return Refuse(logger, StatusCodes.Status401Unauthorized, refusedEncrypted);
                }

                xml = crypto.Decrypt(envelope.Encrypt);
            }

            message = InboundParser.Parse(xml);
        }
        catch (Exception e) when (e is WeChatXmlException or WeChatCryptoException or DecoderFallbackException)
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, e.Message);
        }

        var result = await processor.ProcessAsync(message, query.Nonce!, Convert.ToHexString(SHA256.HashData(body)));
        if (result.Outcome == DeliveryOutcome.Replayed)
        {
            return Refuse(logger, StatusCodes.Status401Unauthorized, "nonce already used for another message");
        }

        if (result.ReplyXml is null)
        {
            return TypedResults.Text(ReplyBuilder.Success, "text/plain");
        }

        var reply = query.Encrypted ? crypto.WrapReply(result.ReplyXml, query.Timestamp!, query.Nonce!) : result.ReplyXml;
        return TypedResults.Text(reply, "application/xml", Encoding.UTF8);
    }

    private static IResult Refuse(ILogger logger, int status, string reason)
    {
        logger.LogWarning("Refused callback with {Status}: {Reason}", status, reason);
        return TypedResults.Text(reason, "text/plain", statusCode: status);
    }
}
