using System.Xml;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tasks.ProjectFiles;

/// <summary>
/// Finds the line of an item or property in the project file that declares it. MSBuild gives tasks an
/// item's defining file but not its line, so the file is read once (only when locations are needed) and
/// every element's line is recorded.
/// </summary>
internal sealed class DeclarationLocator
{
    private readonly Dictionary<string, List<(string Name, string? Include, int Line)>> _files = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The location of an item: the element whose Include names it, else the first element of its type, else the file.</summary>
    public SourceLocation Item(string file, string itemType, string itemSpec)
    {
        var elements = Read(file);
        var line = 0;
        foreach (var (name, include, elementLine) in elements)
        {
            if (!string.Equals(name, itemType, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // ItemSpec is unescaped: %2A in the file is '*' in the item.
            if (include is not null && include.Split(';').Any(part => string.Equals(Uri.UnescapeDataString(part.Trim()), itemSpec, StringComparison.Ordinal)))
            {
                return new SourceLocation(file, elementLine);
            }

            if (line == 0)
            {
                line = elementLine;
            }
        }

        return new SourceLocation(file, line);
    }

    /// <summary>
    /// Elements of <paramref name="itemType"/> whose Include holds an unescaped '*' or '?'. MSBuild reads those as
    /// file globs and silently drops the item when no file matches, so a "*.domain" registry would vanish.
    /// </summary>
    public IEnumerable<(string Include, SourceLocation Location)> GlobbedIncludes(string file, string itemType) =>
        Read(file)
            .Where(e => string.Equals(e.Name, itemType, StringComparison.OrdinalIgnoreCase) && e.Include is not null && e.Include.IndexOfAny(new[] { '*', '?' }) >= 0)
            .Select(e => (e.Include!, new SourceLocation(file, e.Line)));

    /// <summary>The location of a property: its last definition in the file (the one that wins), else the file.</summary>
    public SourceLocation Property(string file, string propertyName)
    {
        var line = 0;
        foreach (var (name, _, elementLine) in Read(file))
        {
            if (string.Equals(name, propertyName, StringComparison.OrdinalIgnoreCase))
            {
                line = elementLine;
            }
        }

        return new SourceLocation(file, line);
    }

    private List<(string Name, string? Include, int Line)> Read(string file)
    {
        if (_files.TryGetValue(file, out var cached))
        {
            return cached;
        }

        var elements = new List<(string, string?, int)>();
        try
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var info = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    elements.Add((reader.LocalName, reader.GetAttribute("Include"), info.LineNumber));
                }
            }
        }
        catch (Exception e) when (e is IOException or XmlException or UnauthorizedAccessException)
        {
            // A location is a courtesy: without it the finding still names the file.
        }

        _files[file] = elements;
        return elements;
    }
}
