using System.Text;

namespace Subscription.Server.Menu;

/// <summary>WeChat's menu limits (§7), checked before start-up rather than by a failed menu/create.</summary>
public static class MenuValidator
{
    private const int MaxTopLevel = 3;
    private const int MaxSubButtons = 5;
    private const int MaxTopNameBytes = 16;
    private const int MaxSubNameBytes = 60;
    private const int MaxKeyBytes = 128;
    private const int MaxUrlBytes = 1024;

    private static readonly HashSet<string> KeyTypes =
        ["click", "scancode_push", "scancode_waitmsg", "pic_sysphoto", "pic_photo_or_album", "pic_weixin", "location_select"];

    /// <param name="isKnownKey">Whether the service answers a click key; a menu must not offer keys nobody handles.</param>
    public static IReadOnlyList<string> Validate(MenuDefinition menu, Func<string, bool> isKnownKey)
    {
        var errors = new List<string>();
        if (menu.Buttons is not { Count: >= 1 and <= MaxTopLevel })
        {
            errors.Add($"the menu must have 1 to {MaxTopLevel} top-level buttons, not {menu.Buttons?.Count ?? 0}");
            return errors;
        }

        foreach (var button in menu.Buttons)
        {
            var where = $"button '{button.Name}'";
            CheckName(errors, where, button.Name, MaxTopNameBytes);
            if (button.SubButtons is { } subs)
            {
                if (button.Type is not null)
                {
                    errors.Add($"{where}: a button with sub_button has no type of its own");
                }

                if (subs.Count is < 1 or > MaxSubButtons)
                {
                    errors.Add($"{where}: 1 to {MaxSubButtons} sub-buttons, not {subs.Count}");
                }

                foreach (var sub in subs)
                {
                    var subWhere = $"button '{button.Name}' > '{sub.Name}'";
                    CheckName(errors, subWhere, sub.Name, MaxSubNameBytes);
                    if (sub.SubButtons is not null)
                    {
                        errors.Add($"{subWhere}: sub-buttons cannot have sub-buttons");
                    }

                    CheckAction(errors, subWhere, sub, isKnownKey);
                }
            }
            else
            {
                CheckAction(errors, where, button, isKnownKey);
            }
        }

        return errors;
    }

    private static void CheckName(List<string> errors, string where, string? name, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{where}: name is required");
        }
        else if (Encoding.UTF8.GetByteCount(name) > maxBytes)
        {
            errors.Add($"{where}: name is {Encoding.UTF8.GetByteCount(name)} bytes, the limit is {maxBytes}");
        }
    }

    private static void CheckAction(List<string> errors, string where, MenuButton button, Func<string, bool> isKnownKey)
    {
        switch (button.Type)
        {
            case { } type when KeyTypes.Contains(type):
                if (string.IsNullOrEmpty(button.Key))
                {
                    errors.Add($"{where}: a {type} button needs a key");
                }
                else if (Encoding.UTF8.GetByteCount(button.Key) > MaxKeyBytes)
                {
                    errors.Add($"{where}: key is {Encoding.UTF8.GetByteCount(button.Key)} bytes, the limit is {MaxKeyBytes}");
                }
                else if (type == "click" && !isKnownKey(button.Key))
                {
                    errors.Add($"{where}: no handler answers the key '{button.Key}'");
                }

                break;
            case "view":
                if (string.IsNullOrEmpty(button.Url))
                {
                    errors.Add($"{where}: a view button needs a url");
                }
                else if (Encoding.UTF8.GetByteCount(button.Url) > MaxUrlBytes)
                {
                    errors.Add($"{where}: url is {Encoding.UTF8.GetByteCount(button.Url)} bytes, the limit is {MaxUrlBytes}");
                }
                else if (!button.Url.StartsWith('/') &&
                         !(Uri.TryCreate(button.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
                {
                    // A path is resolved against the reader pages' public address when the menu is pushed.
                    errors.Add($"{where}: url must be an absolute http(s) URL or a path starting with /");
                }

                break;
            default:
                errors.Add($"{where}: unsupported type '{button.Type}'");
                break;
        }
    }
}
