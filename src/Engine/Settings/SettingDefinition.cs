namespace Coco.InitData.Settings;

/// <summary>
/// One InitData setting as every front end sees it: the MSBuild property, the tool option, the default and the help
/// text. A row of <see cref="SettingCatalog"/>; the targets, the task, the tool and the messages all read it from there.
/// </summary>
/// <param name="Property">The MSBuild property (<c>InitDataAlgorithm</c>).</param>
/// <param name="Option">The <c>coco-initdata generate</c> option (<c>--algorithm</c>).</param>
/// <param name="Default">
/// The value used when the setting is empty, as the targets set it (<c>Condition="'$(X)' == ''"</c>) so that <c>-pp</c>
/// and binary logs show it; null when "not set" has a meaning of its own (no KBS, the guest's own search list, now).
/// </param>
/// <param name="Help">What the setting does, for the tool's help and the README.</param>
public sealed record SettingDefinition(string Property, string Option, string? Default, string Help)
{
    /// <summary>The name a user of <paramref name="style"/> wrote: the property in a project, the option on a command line.</summary>
    internal string NameIn(DeclarationStyle style) => style == DeclarationStyle.CommandLine ? Option : Property;

    /// <summary>The help text with its default, as the tool prints it.</summary>
    public string HelpWithDefault => Default is null ? Help : $"{Help} (default {Default})";
}
