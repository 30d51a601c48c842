using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Coco.InitData.Tests.Docs;

/// <summary>
/// docs/diagnostics.md, rendered from src/Engine/Diagnostics/Messages.resx: every code with what it means and the fix,
/// taken from the message text itself (what happened, then "Fix: ...") or, where the text names no fix, from the
/// entry's <c>&lt;comment&gt;</c>. The resource file is the one place a message is written.
/// </summary>
internal static partial class DiagnosticsPage
{
    /// <summary>The page, relative to the repository root.</summary>
    public const string Page = "docs/diagnostics.md";

    /// <summary>The resource file the page is rendered from, relative to the repository root.</summary>
    public const string Resources = "src/Engine/Diagnostics/Messages.resx";

    /// <summary>
    /// The code map: one range per area, in the order the page lists them. A new message takes the next free code of
    /// its area's range; <see cref="Render"/> fails on a code outside every range.
    /// </summary>
    public static readonly (int First, int Last, string Title, string About)[] Areas =
    [
        (1001, 1049, "Declarations", "the items and properties of a project, the files they name, and the registry rules as the guest reads them; or the options of `coco-initdata generate`"),
        (1050, 1059, "Container publish", "the SDK's `PublishContainer`: the push registry, the pinned images, the push CA bundle (see [Container publish](containers.md))"),
        (1060, 1069, "Secrets", "a password, token or private key that would reach the plaintext initdata (see [Security](security.md))"),
        (1090, 1099, "Build host", "the MSBuild that runs the build"),
        (2001, 2099, "Certificates", "every certificate that is embedded or served, checked as the guest's and the node's TLS stacks check it (see [Certificate checks](certificates.md))"),
        (3001, 3049, "Documents and annotations", "the initdata document, its annotation value and the node-side configuration, including documents we did not write"),
        (3050, 3069, "Kubernetes manifests", "the declared manifests and their annotated copies"),
        (3070, 3079, "Output and file system", "the output folder: its lock, interrupted writes, links and special files"),
        (4001, 4099, "Tool usage", "`coco-initdata` itself: its command line, its inputs, `probe`, `certs create` and the `verify` gate (see [The tool](tool.md))"),
        (9000, 9099, "Internal", "what should not happen: a bug in Coco.InitData"),
    ];

    /// <summary>The area a code belongs to, or null when it is outside the map.</summary>
    public static (int First, int Last, string Title, string About)? AreaOf(string code)
    {
        var number = int.Parse(code.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
        return Areas.Where(a => number >= a.First && number <= a.Last).Select(a => ((int, int, string, string)?)a).FirstOrDefault();
    }

    /// <summary>One message: its code, its resource name, what it says happened, its fix.</summary>
    public sealed record Entry(string Code, string Name, string Meaning, string Fix);

    /// <summary>Every message of the resource file, sorted by code.</summary>
    public static IReadOnlyList<Entry> Entries(string resx)
    {
        var entries = new List<Entry>();
        foreach (var data in XDocument.Parse(resx).Root!.Elements("data"))
        {
            var value = data.Element("value")!.Value;
            var code = Code().Match(value);
            if (!code.Success)
            {
                throw new InvalidOperationException($"{data.Attribute("name")!.Value} has no CIDnnnn code at the start of its text");
            }

            var text = Placeholder().Replace(value[code.Length..].Trim(), "…");
            // A certificate finding ends with the stacks that reject it, their errors and the certificate's identity.
            text = CertificateTail().Replace(text, string.Empty);
            var (meaning, fix) = Split(text);
            var comment = data.Element("comment")?.Value.Trim();
            if (!string.IsNullOrEmpty(comment))
            {
                fix = fix.Length == 0 ? comment : fix + " " + comment;
            }

            entries.Add(new Entry(code.Groups[1].Value, data.Attribute("name")!.Value, meaning, fix));
        }

        return entries.OrderBy(e => e.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The page.</summary>
    public static string Render(string resx)
    {
        var entries = Entries(resx);
        var page = new StringBuilder()
            .Append("# Diagnostics\n\n")
            .Append("<!-- Generated from ").Append(Resources).Append(" by tests/Coco.InitData.Tests/Docs: edit the messages there, then run\n")
            .Append("     COCO_UPDATE_DOCS=1 dotnet test tests/Coco.InitData.Tests --filter FullyQualifiedName~Docs -->\n\n")
            .Append("Every finding of the build and of `coco-initdata` carries a code, `CIDnnnn`, and points at the file and line it\n")
            .Append("is about: `file(line,col): error CID1001: text`. Warnings obey `NoWarn` and `WarningsAsErrors` like any\n")
            .Append("compiler warning. The message says what happened and what to do; this page lists every code with the same\n")
            .Append("text (`…` stands for what the message fills in: a name, a path, a value).\n\n")
            .Append("| codes | area |\n|---|---|\n");
        foreach (var area in Areas)
        {
            page.Append($"| [{Range(area)}](#{Slug(area)}) | {area.Title}: {area.About} |\n");
        }

        foreach (var area in Areas)
        {
            page.Append($"\n## {Range(area)}: {area.Title}\n");
            foreach (var entry in entries.Where(e => AreaOf(e.Code) == area))
            {
                page.Append($"\n### {entry.Code}\n\n{Markdown.Text(entry.Meaning)}\n");
                if (entry.Fix.Length > 0)
                {
                    page.Append($"\n**Fix:** {Markdown.Text(entry.Fix)}\n");
                }
            }
        }

        var unplaced = entries.Where(e => AreaOf(e.Code) is null).Select(e => e.Code).ToList();
        if (unplaced.Count > 0)
        {
            throw new InvalidOperationException("codes outside every area of the page: " + string.Join(", ", unplaced));
        }

        return page.ToString();
    }

    // "what happened. Fix: what to do" when the text says "Fix:", else the first sentence and the rest.
    private static (string Meaning, string Fix) Split(string text)
    {
        var fix = text.IndexOf(" Fix: ", StringComparison.Ordinal);
        if (fix >= 0)
        {
            return (text[..fix].Trim(), text[(fix + " Fix: ".Length)..].Trim());
        }

        var sentence = SentenceEnd().Match(text);
        return sentence.Success
            ? (text[..(sentence.Index + 1)].Trim(), text[(sentence.Index + 1)..].Trim())
            : (text.Trim(), string.Empty);
    }

    private static string Range((int First, int Last, string Title, string About) area) => $"CID{area.First:D4}-{area.Last:D4}";

    private static string Slug((int First, int Last, string Title, string About) area) =>
        Markdown.Anchors($"## {Range(area)}: {area.Title}").Single();

    [GeneratedRegex(@"^(CID\d{4}): ")]
    private static partial Regex Code();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@" Rejected by: ….*$", RegexOptions.Singleline)]
    private static partial Regex CertificateTail();

    // The end of the first sentence: a full stop or question mark before a word (a version number's dots are followed by digits).
    [GeneratedRegex(@"[.?](?= [A-Za-z(])")]
    private static partial Regex SentenceEnd();
}
