namespace Coco.InitData;

/// <summary>The one place line endings are normalised: the digest must not depend on the checkout's autocrlf.</summary>
internal static class LineEndings
{
    /// <summary>CRLF becomes LF; a lone CR is left alone (it is content, and the TOML writer escapes it).</summary>
    public static string ToLf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
