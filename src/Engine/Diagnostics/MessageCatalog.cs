using System.Globalization;
using System.Resources;

namespace Coco.InitData.Diagnostics;

/// <summary>
/// Every user-facing message lives in Messages.resx, with its code at the start of the text
/// (<c>CID2004: ...</c>) so that a reader of the resource file sees code and text together.
/// </summary>
internal static class MessageCatalog
{
    private static readonly ResourceManager Resources =
        new("Coco.InitData.Diagnostics.Messages", typeof(MessageCatalog).Assembly);

    /// <summary>The raw resource text of a message, code included.</summary>
    public static string GetTemplate(MessageId id) =>
        Resources.GetString(id.ToString(), CultureInfo.InvariantCulture)
        ?? throw new InvalidOperationException($"Message {id} is missing from Messages.resx.");

    /// <summary>Splits the code from the text and fills in the arguments.</summary>
    public static (string Code, string Text) Format(MessageId id, params object?[] args)
    {
        var template = GetTemplate(id);
        var colon = template.IndexOf(':', StringComparison.Ordinal);
        var code = template[..colon];
        var text = template[(colon + 1)..].TrimStart();
        return (code, string.Format(CultureInfo.InvariantCulture, text, args));
    }
}
