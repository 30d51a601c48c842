using Coco.InitData.SecretDetection;

namespace Coco.InitData;

/// <summary>Checks on URL and URI text that end up in the document.</summary>
internal static class UriText
{
    /// <summary>No white space and no control characters: either would break a consumer or hide content.</summary>
    public static bool IsClean(string value) => value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>The URI with user information and query masked, safe to print in a build log (the masking every message uses).</summary>
    public static string Redacted(Uri uri) => InlineSecrets.Redact(uri.AbsoluteUri);
}
