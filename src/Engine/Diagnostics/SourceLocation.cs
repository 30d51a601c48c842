namespace Coco.InitData.Diagnostics;

/// <summary>Where a finding points: a project file and the line of an item, or an input file and the line of its <c>-----BEGIN</c>.</summary>
/// <param name="File">The file path as the user should see it; empty when there is no file.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0)
{
    /// <summary>No location at all (for example a tool option).</summary>
    public static SourceLocation None { get; } = new(string.Empty);

    /// <summary>The same file at another line.</summary>
    internal SourceLocation AtLine(int line) => this with { Line = line, Column = 0 };

    /// <inheritdoc />
    public override string ToString()
    {
        if (File.Length == 0)
        {
            return string.Empty;
        }

        return Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
    }
}
