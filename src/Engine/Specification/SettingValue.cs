using Coco.InitData.Diagnostics;

namespace Coco.InitData.Specification;

/// <summary>A user setting as written, with the name the user knows it by and where it was set.</summary>
/// <param name="Name">The name shown in messages: an MSBuild property (<c>InitDataKbsUrl</c>) or a tool option.</param>
/// <param name="Value">The raw value, untrimmed.</param>
/// <param name="Location">Where it was set.</param>
public sealed record SettingValue(string Name, string Value, SourceLocation Location)
{
    /// <summary>True when the value is empty or white space: the same as not set.</summary>
    internal bool IsEmpty => string.IsNullOrWhiteSpace(Value);
}
