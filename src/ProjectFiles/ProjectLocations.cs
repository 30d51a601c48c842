using Coco.InitData.Diagnostics;
using Microsoft.Build.Construction;
using Microsoft.Build.Evaluation;

namespace Coco.InitData.ProjectFiles;

/// <summary>
/// Where MSBuild's own evaluation says an InitData item or property was declared: the element that produced the
/// item, the definition of the property that won (conditions, imports and Directory.Build.props included).
/// Shared by the build task and the tool, so a finding has one location whoever reports it.
/// Where evaluation cannot tell (an item added by a target, a property from the command line), the location is
/// the defining file without a line, or no file: never a guessed line.
/// </summary>
public sealed class ProjectLocations
{
    private readonly Project _project;
    private readonly Dictionary<(string Type, string Include), List<ProjectItem>> _items = new();

    /// <summary>The locations in <paramref name="project"/>, an evaluation the caller owns and keeps loaded.</summary>
    public ProjectLocations(Project project)
    {
        _project = project;
    }

    /// <summary>The folder of the project being built: MSBuild resolves every relative Include against it.</summary>
    internal string ProjectDirectory => _project.DirectoryPath;

    /// <summary>True when the project imports Coco.InitData's targets.</summary>
    public bool ImportsPackage => _project.Targets.ContainsKey("GenerateInitData");

    /// <summary>
    /// The element that produced the <paramref name="occurrence"/>-th item of this type with this Include (0-based,
    /// in evaluation order), or the defining file without a line when evaluation has no such item.
    /// </summary>
    public SourceLocation Item(string itemType, string include, int occurrence, string definingFile)
    {
        if (!_items.TryGetValue((itemType, include), out var matches))
        {
            matches = _project.GetItems(itemType).Where(i => string.Equals(i.EvaluatedInclude, include, StringComparison.Ordinal)).ToList();
            _items[(itemType, include)] = matches;
        }

        return occurrence < matches.Count && matches[occurrence].Xml?.Location is { File.Length: > 0 } l
            ? new SourceLocation(l.File, l.Line, l.Column)
            : new SourceLocation(definingFile);
    }

    /// <summary>
    /// The element of the definition that set the property's value; the project file without a line for a property
    /// set outside the project's XML (a global property such as <c>-p:</c>, an environment variable, a target).
    /// </summary>
    public SourceLocation Property(string name, string value)
    {
        var property = _project.GetProperty(name);
        if (property is null || property.IsGlobalProperty || property.IsEnvironmentProperty || property.IsReservedProperty)
        {
            return new SourceLocation(_project.FullPath);
        }

        // A target may have changed the value after evaluation: the evaluated definition is then not the one in use.
        return string.Equals(property.EvaluatedValue, value, StringComparison.Ordinal) && property.Xml?.Location is { File.Length: > 0 } l
            ? new SourceLocation(l.File, l.Line, l.Column)
            : new SourceLocation(_project.FullPath);
    }

    /// <summary>
    /// Item elements of <paramref name="itemType"/>, in the project or any file it imports, whose Include MSBuild reads as
    /// a file glob (an unescaped '*' or '?') and that produced no item although nothing made them conditional: MSBuild
    /// drops such an element without a word.
    /// </summary>
    internal IEnumerable<(string Include, SourceLocation Location)> EmptyGlobs(string itemType)
    {
        var produced = new HashSet<ProjectItemElement>(_project.GetItems(itemType).Select(i => i.Xml).OfType<ProjectItemElement>());
        foreach (var element in ItemElements(itemType))
        {
            if (element.Include.IndexOfAny(GlobCharacters) >= 0 && !produced.Contains(element) && IsUnconditional(element))
            {
                yield return (element.Include, new SourceLocation(element.Location.File, element.Location.Line, element.Location.Column));
            }
        }
    }

    /// <summary>Item elements of <paramref name="itemType"/> whose Include holds a glob character, under any condition.</summary>
    internal IEnumerable<(string Include, SourceLocation Location)> GlobbedIncludes(string itemType) =>
        ItemElements(itemType)
            .Where(e => e.Include.IndexOfAny(GlobCharacters) >= 0)
            .Select(e => (e.Include, new SourceLocation(e.Location.File, e.Location.Line, e.Location.Column)));

    private static readonly char[] GlobCharacters = { '*', '?' };

    private IEnumerable<ProjectItemElement> ItemElements(string itemType) =>
        new[] { _project.Xml }.Concat(_project.Imports.Select(i => i.ImportedProject)).Distinct()
            .SelectMany(root => root.Items)
            .Where(e => string.Equals(e.ItemType, itemType, StringComparison.OrdinalIgnoreCase) && e.Include.Length > 0);

    // Only elements nothing makes conditional: whether a condition held is the evaluation's business, not a guess of ours.
    private static bool IsUnconditional(ProjectElement element)
    {
        for (var e = element; e is not null; e = e.Parent)
        {
            if (!string.IsNullOrEmpty(e.Condition))
            {
                return false;
            }
        }

        return true;
    }
}
