using System.Text;
using Coco.InitData.Settings;

namespace Coco.InitData.Tests.Docs;

/// <summary>
/// The properties table of docs/reference.md, rendered from <see cref="SettingCatalog"/>: the catalog is the one place a
/// setting's property, option, default and help are written, so the page cannot drift from what the build does.
/// </summary>
internal static class SettingsReference
{
    /// <summary>The page the table lives in, relative to the repository root.</summary>
    public const string Page = "docs/reference.md";

    /// <summary>The name of the generated part of <see cref="Page"/>.</summary>
    public const string Part = "settings";

    /// <summary>The table: one row per catalog setting, in catalog order, the default in the second column.</summary>
    public static string Render()
    {
        var table = new StringBuilder()
            .Append("| property | default | `coco-initdata generate` option | meaning |\n")
            .Append("|---|---|---|---|\n");
        foreach (var setting in SettingCatalog.All)
        {
            var value = setting.Default is null ? "(not set)" : $"`{setting.Default}`";
            table.Append($"| `{setting.Property}` | {value} | `{setting.Option}` | {Markdown.Cell(setting.Help)} |\n");
        }

        return table.ToString();
    }
}
