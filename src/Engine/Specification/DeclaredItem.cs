using Coco.InitData.Diagnostics;

namespace Coco.InitData.Specification;

/// <summary>One evaluated item as a front end sees it: its Include, where it was declared, and its metadata.</summary>
/// <param name="Include">The evaluated item spec.</param>
/// <param name="DeclaredAt">The file and line of the item element.</param>
/// <param name="BaseDirectory">The folder of the file that declares it: relative paths resolve against it.</param>
/// <param name="Metadata">A metadata value by name; empty when not set.</param>
public sealed record DeclaredItem(string Include, SourceLocation DeclaredAt, string BaseDirectory, Func<string, string> Metadata);
