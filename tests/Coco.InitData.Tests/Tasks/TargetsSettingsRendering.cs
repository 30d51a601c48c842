using System.Text;
using System.Text.RegularExpressions;
using Coco.InitData.Settings;

namespace Coco.InitData.Tests.Tasks;

/// <summary>
/// The parts of Coco.InitData.targets that list every setting, rendered from the engine's <see cref="SettingCatalog"/>:
/// the defaults, the text hashed into the inputs cache, the task call's parameters and the "declares nothing" condition
/// of the build hook. Each sits between a <c>settings:NAME</c> comment and <c>settings:end</c> (the condition is an
/// attribute, found by its shape). <see cref="DeclarationWiringTests"/> checks the file equals its rendering and rewrites it
/// with <c>COCO_UPDATE_GENERATED=1</c>.
/// </summary>
internal static partial class TargetsSettingsRendering
{
    /// <summary>The targets file with every generated part rendered from the catalog.</summary>
    public static string Render(string targets)
    {
        var newline = targets.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var text = targets.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = ReplaceRegion(text, "defaults", _ => Defaults());
        text = ReplaceRegion(text, "hashed", Hashed);
        text = ReplaceRegion(text, "call", Call);
        var declaring = "'" + string.Concat(SettingCatalog.Declarations.Select(s => $"$({s.Property})")) + "' != ''";
        text = DeclaringCondition().Replace(text, _ => declaring, 1);
        return text.Replace("\n", newline, StringComparison.Ordinal);
    }

    private static string Defaults()
    {
        var text = new StringBuilder("  <PropertyGroup>\n");
        foreach (var setting in SettingCatalog.All.Where(s => s.Default is not null))
        {
            text.Append($"    <{setting.Property} Condition=\"'$({setting.Property})' == ''\">{setting.Default}</{setting.Property}>\n");
        }

        return text.Append("  </PropertyGroup>\n").ToString();
    }

    // The format's version before the catalog and what follows it stay as written; the run of settings between is the catalog.
    private static string Hashed(string region)
    {
        var catalog = string.Join("|", SettingCatalog.All.Select(s => $"$({s.Property})")) + "|";
        return HashedCatalog().IsMatch(region)
            ? HashedCatalog().Replace(region, m => m.Groups["head"].Value + catalog, 1)
            : throw new InvalidOperationException("the settings:hashed region of Coco.InitData.targets has no <_InitDataSettings>VERSION|$(InitData...)| run");
    }

    // The task's own parameters stay as written; one Name="$(Name)" line per setting follows them.
    private static string Call(string region)
    {
        var lines = region.TrimEnd('\n').Split('\n').Where(l => !SettingParameter().IsMatch(l)).ToList();
        lines[^1] = lines[^1].TrimEnd('>');
        var indent = new string(' ', lines[^1].Length - lines[^1].TrimStart().Length);
        lines.AddRange(SettingCatalog.All.Select(s => $"{indent}{s.Property}=\"$({s.Property})\""));
        lines[^1] += ">";
        return string.Join("\n", lines) + "\n";
    }

    private static string ReplaceRegion(string text, string name, Func<string, string> render)
    {
        var start = Regex.Match(text, $@"<!-- settings:{name}\b[^>]*-->\n");
        if (!start.Success)
        {
            throw new InvalidOperationException($"Coco.InitData.targets has no 'settings:{name}' region");
        }

        var bodyStart = start.Index + start.Length;
        var end = text.IndexOf("<!-- settings:end -->", bodyStart, StringComparison.Ordinal);
        var bodyEnd = text.LastIndexOf('\n', end) + 1;
        return text[..bodyStart] + render(text[bodyStart..bodyEnd]) + text[bodyEnd..];
    }

    [GeneratedRegex("""^\s*(InitData\w+)="\$\(\1\)">?$""")]
    private static partial Regex SettingParameter();

    [GeneratedRegex(@"(?<head><_InitDataSettings>\d+\|)(\$\(InitData\w+\)\|)+")]
    private static partial Regex HashedCatalog();

    [GeneratedRegex(@"'(\$\(InitData\w+\))+' != ''")]
    private static partial Regex DeclaringCondition();
}
