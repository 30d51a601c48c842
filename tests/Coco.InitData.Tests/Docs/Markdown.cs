using System.Text;
using System.Text.RegularExpressions;

namespace Coco.InitData.Tests.Docs;

/// <summary>The bits of Markdown the docs tests read and write, as GitHub renders them.</summary>
internal static partial class Markdown
{
    /// <summary>Message text shown as written: a '*' (a wildcard, a YAML alias) would otherwise start emphasis.</summary>
    public static string Text(string text) => text.Replace("*", "\\*", StringComparison.Ordinal);

    /// <summary>Text safe inside a table cell: a '|' would end the cell.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>
    /// The anchor GitHub gives a heading: lower case, punctuation other than '-' and '_' dropped, spaces to '-';
    /// a repeated heading gets -1, -2, ... (github/cmark-gfm's anchor filter, as github.com applies it).
    /// </summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in OutsideCodeBlocks(markdown))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var text = InlineCode().Replace(heading.Groups[1].Value.Trim(), m => m.Groups[1].Value);
            text = LinkText().Replace(text, m => m.Groups[1].Value);
            var slug = new StringBuilder();
            foreach (var c in text.ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            var anchor = slug.ToString();
            for (var n = 1; !anchors.Add(anchor); n++)
            {
                anchor = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return anchors;
    }

    /// <summary>The targets of the inline links <c>[text](target)</c> outside code blocks and code spans.</summary>
    public static IEnumerable<string> LinkTargets(string markdown)
    {
        foreach (var line in OutsideCodeBlocks(markdown))
        {
            foreach (Match link in Link().Matches(InlineCode().Replace(line, string.Empty)))
            {
                yield return link.Groups[1].Value;
            }
        }
    }

    /// <summary>The text of the fenced code blocks of <paramref name="markdown"/> whose info string is <paramref name="language"/>.</summary>
    public static IEnumerable<string> CodeBlocks(string markdown, string language) =>
        FencedBlock().Matches(markdown.ReplaceLineEndings("\n"))
            .Where(m => m.Groups["language"].Value == language)
            .Select(m => m.Groups["body"].Value);

    /// <summary>The lines that are not inside a fenced code block.</summary>
    public static IEnumerable<string> OutsideCodeBlocks(string markdown)
    {
        var inBlock = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (!inBlock)
            {
                yield return line;
            }
        }
    }

    [GeneratedRegex(@"^#{1,6} +(.*?)#*$")]
    private static partial Regex Heading();

    [GeneratedRegex("`+([^`]*)`+")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkText();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^```(?<language>[a-z]*)\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
