namespace Subscription.WeChat.Tests;

// Copied from the project's crypto-vectors.json (official Tencent samples/docs and SDK test suites, each
// re-computed independently). WeCom vectors use the same algorithm; their receive_id is a CorpID or suite id.

/// <summary>An Encrypt value with its msg_signature and the exact plaintext (random prefix recovered).</summary>
public sealed record DecryptVector(
    string Id, string Token, string EncodingAesKey, string ReceiveId, string Timestamp, string Nonce,
    string MsgSignature, string Encrypt, string Random, string Msg)
{
    public override string ToString() => Id;
}

/// <summary>Deterministic encryption with a fixed random prefix; MsgSignature is over (token, Timestamp, Nonce, Encrypt).</summary>
public sealed record EncryptVector(
    string Id, string Token, string EncodingAesKey, string ReceiveId, string Timestamp, string Nonce,
    string Random, string Plaintext, string Encrypt, string MsgSignature)
{
    public override string ToString() => Id;
}

/// <summary>A signature over the given parts (3 for URL/plain signature, 4 for msg_signature).</summary>
public sealed record SignatureVector(string Id, string Expected, params string[] Parts)
{
    public override string ToString() => Id;
}

public static class CryptoVectors
{
    public static readonly DecryptVector[] Decrypt =
    [
        new(
            "mp-easywechat-test-decrypt",
            Token: "pamtest",
            EncodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            ReceiveId: "wxb11529c136998cb6",
            Timestamp: "1458300676",
            Nonce: "260774613",
            MsgSignature: "4f3ad57b6989f09f4eb392acce4f9e93942ed890",
            Encrypt: "rTNFcsut4LfGuAFKEUVVpwcaCOTJzOd9twZdIW910jb3k+iicx2uvhttIZ3Qg9Qgty3BEF2xbOrz6boTfb30dMomcgrkTqdFPwnhqbk+kIQ7rZiwny9D7NUrTgA5kpX3KsZvrXzUZyP2x9YOlxbgm572lmxKvM7HAQQhIQ/p6HBmoY30bGXFK0BtIu1pW9TjhOYrLQoU18nWYjWqDA1ynkmOytpv7QRI1P1+0NoxL0q2zO1DgeSvnE8CZGo/o5Ap/WHK5W2RAsinpzN4/LjPnmB6U01I5XCoJoC0GK/yMZycd2Oh8Nq6+wBkC1U85oy0ktOY4nLvsQMLrourmMGdZHuTbqpeJ8Ao/5PRYJ+WBvRUwPfGKBL2+2IKZF49vAJqkcGWSHGE76ZN2erXeuNazf/o9o3lIE3q739o4c8t9QGPe31GT2Go/rOz1BsrASwvauNulCh+++yz+CQzBIuikA==",
            Random: "d43123b161a4ba84",
            Msg: "<xml><URL><![CDATA[http://wechat.laravel.so/server]]></URL><ToUserName><![CDATA[asdasdasd]]></ToUserName><FromUserName><![CDATA[asdasdasdsadasd]]></FromUserName><CreateTime>1234567898</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>12345</MsgId></xml>"),
        new(
            "mp-official-python-sample-compat-decrypt",
            Token: "spamtest",
            EncodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            ReceiveId: "wx2c2769f8efd9abc2",
            Timestamp: "1409735669",
            Nonce: "1320562132",
            MsgSignature: "5d197aaffba7e9b25a30732f161a50dee96bd5fa",
            Encrypt: "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=",
            Random: "89465c840c5f116f",
            Msg: "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n<CreateTime>1409735668</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[abcdteT]]></Content>\n<MsgId>6054768590064713728</MsgId>\n</xml>"),
        new(
            "mp-official-cpp-sample-decrypt",
            Token: "spamtest",
            EncodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            ReceiveId: "wx2c2769f8efd9abc2",
            Timestamp: "1410349438",
            Nonce: "298025754",
            MsgSignature: "003fee52ecc56afb46c00b5c7721be87860ce785",
            Encrypt: "mfBCs65c67CeJw22u4VT2TD73q5H06+ocrAIxswCaeZ/d/Lw0msSZFHY0teqgSYiI1zR2gD2DKrB3TIrmX/liNSDrGqS8jSI/WPeKB5VPr7Ezr7gomZAyGCwJSgT1TRFWPfONGJMxuj2nk4faTuspAuVIFQ6SHwZuJBZC7mcJp7Cgr9cUhATQWDbOPaE7ukZBTV2YqyzH+UI2AK+J1S47cE79k1RX8t0hcTz/O0hlK8DGXKnvYv88qKQcI7z4iaajqHfRVZKBNyOODabs+It+ZfM3dWTeFcPgDbGtIEnpt/EDtuuA/zMvtkaKdHdswPnVZQ+xdwbYr3ldGvfT8HlEYEgkgKaThxTFobVlwzu2ZkXCjicbP3xdr15Iq48ObgzPpqYuZ3IEoyggZDKClquk0u0orMck4GTF/XyE8yGzc4=",
            Random: "78b55f1d91440c6b",
            Msg: "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n<CreateTime>1410349438</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[abcdteT]]></Content>\n<MsgId>6057404712141979648</MsgId>\n</xml>"),
        new(
            "mp-doc-safe-mode-json-debug_demo",
            Token: "AAAAA",
            EncodingAesKey: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            ReceiveId: "wxba5fad812f8e6fb9",
            Timestamp: "1714112445",
            Nonce: "415670741",
            MsgSignature: "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3",
            Encrypt: "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=",
            Random: "a8eedb185eb2fecf",
            Msg: "{\"ToUserName\":\"gh_97417a04a28d\",\"FromUserName\":\"o9AgO5Kd5ggOC-bXrbNODIiE3bGY\",\"CreateTime\":1714112445,\"MsgType\":\"event\",\"Event\":\"debug_demo\",\"debug_str\":\"hello world\"}"),
        new(
            "open-platform-doc-message-push-debug_demo",
            Token: "AAAAA",
            EncodingAesKey: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            ReceiveId: "wx134c8103faa5a59e",
            Timestamp: "1715943329",
            Nonce: "1590219412",
            MsgSignature: "6c12a4205838198b8fa631b3220723bb07f1015c",
            Encrypt: "D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==",
            Random: "1205899eaf019bbd",
            Msg: "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>\n<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>\n<CreateTime>1715943329</CreateTime>\n<MsgType><![CDATA[event]]></MsgType>\n<Event><![CDATA[debug_demo]]></Event>\n<debug_str><![CDATA[hello world]]></debug_str>\n</xml>"),
        new(
            "wecom-official-verifyurl-QDG6eK",
            Token: "QDG6eK",
            EncodingAesKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
            ReceiveId: "wx5823bf96d3bd56c7",
            Timestamp: "1409659589",
            Nonce: "263014780",
            MsgSignature: "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
            Encrypt: "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
            Random: "c41b64491c2468d0",
            Msg: "1616140317555161061"),
        new(
            "wecom-official-decrypt-QDG6eK",
            Token: "QDG6eK",
            EncodingAesKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
            ReceiveId: "wx5823bf96d3bd56c7",
            Timestamp: "1409659813",
            Nonce: "1372623149",
            MsgSignature: "477715d11cdb4164915debcba66cb864d751f3e6",
            Encrypt: "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==",
            Random: "0960688932c47ef1",
            Msg: "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>"),
        new(
            "wecom-official-python-verifyurl-2016",
            Token: "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
            EncodingAesKey: "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt",
            ReceiveId: "ww1436e0e65a779aee",
            Timestamp: "1476416373",
            Nonce: "47744683",
            MsgSignature: "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb",
            Encrypt: "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==",
            Random: "8908d0ff052afda0",
            Msg: "1288432023552776189"),
        new(
            "wecom-official-python-decrypt-2016",
            Token: "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
            EncodingAesKey: "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt",
            ReceiveId: "ww1436e0e65a779aee",
            Timestamp: "1476422779",
            Nonce: "1597212914",
            MsgSignature: "0c3914025cb4b4d68103f6bfc8db550f79dcf48e",
            Encrypt: "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+",
            Random: "694ce5a83ae07fe3",
            Msg: "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>"),
        new(
            "sdk-wechatpy-wecom-check-signature",
            Token: "123456",
            EncodingAesKey: "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
            ReceiveId: "wx49f0ab532d5d035a",
            Timestamp: "1411443780",
            Nonce: "437374425",
            MsgSignature: "dd6b9c95b495b3f7e2901bfbc76c664930ffdb96",
            Encrypt: "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==",
            Random: "2304fc2fe146f1f8",
            Msg: "5927782489442352469"),
        new(
            "sdk-wechatpy-wecom-decrypt",
            Token: "123456",
            EncodingAesKey: "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
            ReceiveId: "wx49f0ab532d5d035a",
            Timestamp: "1411525903",
            Nonce: "461056294",
            MsgSignature: "74d92dfeb87ba7c714f89d98870ae5eb62dff26d",
            Encrypt: "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=",
            Random: "ec90b1530358d4d3",
            Msg: "<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>\n<FromUserName><![CDATA[messense]]></FromUserName>\n<CreateTime>1411525903</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<MsgId>4363689963896700987</MsgId>\n<AgentID>1</AgentID>\n</xml>"),
        new(
            "sdk-senparc-compat-mode",
            Token: "weixin",
            EncodingAesKey: "mNnY5GekpChwqhy2c4NBH90g3hND6GeI4gii2YCvKLY",
            ReceiveId: "wx669ef95216eef885",
            Timestamp: "1414387151",
            Nonce: "917222494",
            MsgSignature: "ae70d4e343d946fc0477a5c760b95be0947fddbb",
            Encrypt: "2gUBUpAeuPFKBS+gkcvrR1cBq1VjTOQluB7+FQF00VnybRpYR3xko4S4wh0qD+64cWmJfF93ZNLm+HLZBexjHLAdJBs5RBG2rP1AJnU0/1vQU/Ac9Q1Nq7vfC4l3ciF8YwhQW0o/GE4MYWWakgdwnp0hQ7aVVwqMLd67A5bsURQHJiFY/cH0fVlsKe6J3aazGhRXFCxceOq2VTJ2Eulc8aBDVSM5/lAIUA/JPq5Z2RzomM0+aoa5XIfGyAtAdlBXD0ADTemxgfYAKI5EMfKtH5za3dKV2UWbGAlJQZ0fwrwPx6Rs8MsoEtyxeQ52gO94gafA+/kIVjamKTVLSgudLLz5rAdGneKkBVhXyfyfousm1DoDRjQdAdqMWpwbeG5hanoJyJiH+humW/1q8PAAiaEfA+BOuvBk/a5xL0Q2l2k=",
            Random: "42952fe6464df535",
            Msg: "<xml><ToUserName><![CDATA[gh_a96a4a619366]]></ToUserName>\n<FromUserName><![CDATA[olPjZjsXuQPJoV0HlruZkNzKc91E]]></FromUserName>\n<CreateTime>1414387151</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[你好]]></Content>\n<MsgId>6074746557628292943</MsgId>\n</xml>"),
        new(
            "sdk-senparc-file-message",
            Token: "moZ05vVoeueufLTuCqv",
            EncodingAesKey: "68JptSBfCdTa12VRKa3Ztv4cDRbqlor8Kgy6c9l6bKK",
            ReceiveId: "wx43899fc5fd7ab4dc",
            Timestamp: "1519483978",
            Nonce: "1122185331",
            MsgSignature: "a61aaa287b63782f8e5d801075e20e75bfe37af4",
            Encrypt: "yy1I8GZ58CkgRqS/D+F0QHhKpO8pVYNzAlo+25FkP/LTwf6gCM3ry3ZWBbOXsWDira3+Y2Arr0cvmC+KhS2tz7eerxQaKTkuBhj61tOoRCO9okYT9JtmHCR4STpi0sp3LXgm7LFSSdgWWD46Yt8BDh/LhySZKiXoPoxL9krJlKtM5jBteT1Mcc78d9kSqqurzm04Ux8X4Sgw6ubBsjZs3c5jH95f3ifG8hVPHGruIZqr3kX2eIMOwhtTZbqZb/YlEtPuC7UakN0jOlmn8sDGxLFf14TPC4okJ6l1/DFVKx6sGBslStRvNtLlwbNxyUBHkyFINbOo2Yx2BIaDnXmu/34N04vm2hNxjfH6Ej3P7lZ4YaX0+WCTXqwIZVQtTpYx9GXWjPVU+8eY4VtdDYKlbgzBpzxU5EiCcLieqBhLYq5ltGGPPapebaLV4PlJ4N2LwybR2v41rCUb9HiU9pptsBUDGsbUsJnblc5DkTJbqZdLP6hHuNRTDegApRdVUOfKysHVWfaaYZC+RwFPrriJsWZNS0c/iY2EF+obXZm+heuqGO6Zozb5v/h2JxmWGgzvGr06aMPxVO1KRLVxGuEnHXF2XH1g76CVLy3+ACb3gFhm3FmYe9ZR1Mad7fwBnzhGZRTQxXaIb+6en4DoR4zcN47K7CvPS5NR49h6MGOhqVY=",
            Random: "aad98d8f16b64e93",
            Msg: "<xml><ToUserName><![CDATA[gh_8a50de30e55a]]></ToUserName>\n<FromUserName><![CDATA[o5lE40xwHOqG8riO_EOZQV3JYCV8]]></FromUserName>\n<CreateTime>1519483978</CreateTime>\n<MsgType><![CDATA[file]]></MsgType>\n<Title><![CDATA[test.zip]]></Title>\n<Description><![CDATA[]]></Description>\n<FileKey><![CDATA[BAAAAAAAAACJHA0y]]></FileKey>\n<FileMd5><![CDATA[95d98d3bf1b251a9e4a40f3bd88eef29]]></FileMd5>\n<FileTotalLen>222</FileTotalLen>\n<MsgId>6526133992738756795</MsgId>\n</xml>"),
    ];

    public static readonly EncryptVector[] Encrypt =
    [
        new(
            "mp-official-java-test-aes-1",
            Token: "pamtest",
            EncodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            ReceiveId: "wxb11529c136998cb6",
            Timestamp: "1409304348",
            Nonce: "xxxxxx",
            Random: "aaaabbbbccccdddd",
            Plaintext: "我是中文abcd123",
            Encrypt: "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==",
            MsgSignature: "82c962d39941aa48552f90ef55aa323dc620cc10"),
        new(
            "mp-official-java-test-aes-2",
            Token: "pamtest",
            EncodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            ReceiveId: "wxb11529c136998cb6",
            Timestamp: "1409304348",
            Nonce: "xxxxxx",
            Random: "aaaabbbbccccdddd",
            Plaintext: "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>",
            Encrypt: "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb",
            MsgSignature: "ea88b765074e41eb8c7a75b449db34fa2fd560d5"),
        new(
            "mp-doc-safe-mode-json-debug_demo/reply",
            Token: "AAAAA",
            EncodingAesKey: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            ReceiveId: "wxba5fad812f8e6fb9",
            Timestamp: "1713424427",
            Nonce: "415670741",
            Random: "707722b803182950",
            Plaintext: "{\"demo_resp\":\"good luck\"}",
            Encrypt: "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==",
            MsgSignature: "1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1"),
        new(
            "open-platform-doc-message-push-debug_demo/reply",
            Token: "AAAAA",
            EncodingAesKey: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            ReceiveId: "wx134c8103faa5a59e",
            Timestamp: "1713424427",
            Nonce: "415670741",
            Random: "999951349e8ee746",
            Plaintext: "<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>",
            Encrypt: "hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7",
            MsgSignature: "03e0812039325c2712ef5f0f980fd14c70d6e307"),
        new(
            "sdk-wechatpy-wecom-encrypt-reply",
            Token: "123456",
            EncodingAesKey: "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
            ReceiveId: "wx49f0ab532d5d035a",
            Timestamp: "1411525903",
            Nonce: "461056294",
            Random: "1234567890123456",
            Plaintext: "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>",
            Encrypt: "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3",
            MsgSignature: "407518b7649e86ef23978113f92d27afa9296533"),
    ];

    public static readonly SignatureVector[] Signatures =
    [
        new("mp-doc-plaintext-mode-signature", "899cf89e464efb63f54ddac96b0a0a235f53aa78", "AAAAA", "1714037059", "486452656"),
        new("mp-doc-safe-mode-json-debug_demo", "6c5c811b55cc85e0e1b54100749188c20beb3f5d", "AAAAA", "1714112445", "415670741"),
        new("open-platform-doc-message-push-debug_demo", "cc0c594499c1634947d5b502f158ee518947db27", "AAAAA", "1715943329", "1590219412"),
        new("sdk-wechatpy-plain-signature", "f21891de399b4e33a1a93c9a7b8a8fffb5a443ff", "test", "1410685589", "test"),
        new("sdk-senparc-compat-mode", "e3203b6433eb554dd2fcba78fa48cb948fcb4801", "weixin", "1414387151", "917222494"),
        new("sdk-node-wechat-crypto-getSignature", "8edac0945683c119ee71c9f6256d76c48aa08a96", "RMNlACHlV5ThzfRlVS4D4", "timestamp", "nonce", "encrypt"),
    ];

    public static DecryptVector DecryptById(string id) => Array.Find(Decrypt, v => v.Id == id) ?? throw new ArgumentException(id);

    public static EncryptVector EncryptById(string id) => Array.Find(Encrypt, v => v.Id == id) ?? throw new ArgumentException(id);

    public static SignatureVector SignatureById(string id) => Array.Find(Signatures, v => v.Id == id) ?? throw new ArgumentException(id);
}
