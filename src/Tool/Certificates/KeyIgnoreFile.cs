namespace Coco.InitData.Tool.Certificates;

/// <summary>
/// The <c>.gitignore</c> written beside private keys created inside a project, so a <c>git add .</c> never commits
/// them. An existing file keeps its lines; only the keys it does not name yet are added.
/// </summary>
internal static class KeyIgnoreFile
{
    /// <summary>The file's new text (without its last line break), or null when it already names every key.</summary>
    public static string? Updated(string path, IEnumerable<string> keyFiles)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var present = text.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = keyFiles.Select(k => "/" + k).Where(entry => !present.Contains(entry)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var lines = text.Length == 0 ? new List<string> { "# Private keys written by coco-initdata certs create: never commit them." } : new List<string> { text.TrimEnd('\n') };
        lines.AddRange(missing);
        return string.Join('\n', lines);
    }
}
