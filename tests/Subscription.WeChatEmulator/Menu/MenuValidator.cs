using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Subscription.WeChatEmulator.Api;

namespace Subscription.WeChatEmulator.Menu;

/// <summary>menu/create limits (§7): ≤ 3 buttons, ≤ 5 sub-buttons, name 16/60 bytes, key 128, url 1024.</summary>
public static class MenuValidator
{
    private static readonly FrozenSet<string> KeyTypes = new[]
    {
        "click", "scancode_push", "scancode_waitmsg", "pic_sysphoto", "pic_photo_or_album", "pic_weixin", "location_select",
    }.ToFrozenSet();

    private static readonly FrozenSet<string> OtherTypes =
        new[] { "view", "miniprogram", "media_id", "view_limited", "article_id", "article_view_limited" }.ToFrozenSet();

    /// <summary>0, or the errcode: 40016–40020 for top-level buttons, 40022–40027 for sub-buttons.</summary>
    public static int Validate(JsonElement root)
    {
        if (root.Arr("button") is not { } buttons || buttons.GetArrayLength() is 0 or > 3)
        {
            return 40016;
        }

        foreach (var button in buttons.EnumerateArray())
        {
            if (button.Arr("sub_button") is { } subs && subs.GetArrayLength() > 0)
            {
                if (Bytes(button.Str("name")) is 0 or > 16)
                {
                    return 40018;
                }

                if (subs.GetArrayLength() > 5)
                {
                    return 40023;
                }

                foreach (var sub in subs.EnumerateArray())
                {
                    if (sub.Arr("sub_button") is { } deeper && deeper.GetArrayLength() > 0)
                    {
                        return 40022;
                    }

                    var error = Leaf(sub, nameLimit: 60);
                    if (error != 0)
                    {
                        // Sub-button errors are the top-level codes shifted into 40024–40027.
                        return error + 7;
                    }
                }
            }
            else if (Leaf(button, nameLimit: 16) is var error and not 0)
            {
                return error;
            }
        }

        return 0;
    }

    /// <summary>Checks a button that does something; returns top-level codes 40017–40020.</summary>
    private static int Leaf(JsonElement button, int nameLimit)
    {
        var type = button.Str("type");
        if (type is null || !(KeyTypes.Contains(type) || OtherTypes.Contains(type)))
        {
            return 40017;
        }

        if (Bytes(button.Str("name")) is var name && (name == 0 || name > nameLimit))
        {
            return 40018;
        }

        if (KeyTypes.Contains(type) && Bytes(button.Str("key")) is 0 or > 128)
        {
            return 40019;
        }

        var needsUrl = type is "view" or "miniprogram";
        return needsUrl && Bytes(button.Str("url")) is 0 or > 1024 ? 40020 : 0;
    }

    private static int Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
}
