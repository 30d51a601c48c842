namespace Coco.InitData.Tests.Docs;

/// <summary>
/// The generated parts of the docs: read from and written to the committed pages. A part inside a page sits between
/// <c>&lt;!-- generated: NAME --&gt;</c> and <c>&lt;!-- /generated: NAME --&gt;</c>; a whole page has no markers.
/// <c>COCO_UPDATE_DOCS=1</c> makes the tests write the rendering instead of comparing with it.
/// </summary>
internal static class GeneratedDocs
{
    /// <summary>True when the tests should rewrite the pages (<c>COCO_UPDATE_DOCS=1</c>).</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("COCO_UPDATE_DOCS") == "1";

    /// <summary>The text of a repository file, line endings as LF.</summary>
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)).ReplaceLineEndings("\n");

    /// <summary>The committed text of part <paramref name="name"/> of <paramref name="page"/>.</summary>
    public static string Part(string page, string name)
    {
        var (start, end) = Bounds(Read(page), page, name);
        return Read(page)[start..end];
    }

    /// <summary>Replaces part <paramref name="name"/> of <paramref name="page"/> with <paramref name="text"/>.</summary>
    public static void WritePart(string page, string name, string text)
    {
        var current = Read(page);
        var (start, end) = Bounds(current, page, name);
        File.WriteAllText(Path.Combine(RepositoryPaths.Root, page), current[..start] + text + current[end..]);
    }

    /// <summary>Writes a whole generated page.</summary>
    public static void WritePage(string page, string text) => File.WriteAllText(Path.Combine(RepositoryPaths.Root, page), text);

    private static (int Start, int End) Bounds(string text, string page, string name)
    {
        var open = $"<!-- generated: {name} -->\n";
        var start = text.IndexOf(open, StringComparison.Ordinal);
        var end = text.IndexOf($"<!-- /generated: {name} -->", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{page} has no <!-- generated: {name} --> ... <!-- /generated: {name} --> part");
        }

        return (start + open.Length, end);
    }
}
