using Coco.InitData.Diagnostics;

namespace Coco.InitData.Specification;

/// <summary>One evaluated item as a front end sees it: its Include, where it was declared, and its metadata.</summary>
/// <param name="Include">The evaluated item spec.</param>
/// <param name="DeclaredAt">The file and line of the item element.</param>
/// <param name="FullPath">
/// MSBuild's <c>%(FullPath)</c>: the Include resolved against the project being built, wherever the item is declared
/// (a <c>Directory.Build.props</c> included). An Include that names a file means this file, as everywhere in MSBuild.
/// </param>
/// <param name="Metadata">A metadata value by name; empty when not set.</param>
public sealed record DeclaredItem(string Include, SourceLocation DeclaredAt, string FullPath, Func<string, string> Metadata);
