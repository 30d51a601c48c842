using Coco.InitData.Diagnostics;
using Coco.InitData.ProjectFiles;
using Coco.InitData.Specification;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tasks.ProjectFiles;

/// <summary>
/// The task's parameters seen as a project's declarations, for the engine's <see cref="DeclarationReader"/>: values
/// exactly as the build passed them, locations from MSBuild's evaluation of the same project.
/// </summary>
internal sealed class TaskDeclarations : IProjectDeclarations
{
    private readonly string _projectFile;
    private readonly IReadOnlyDictionary<string, ITaskItem[]> _items;
    private readonly IReadOnlyDictionary<string, string?> _properties;
    private readonly Func<ProjectLocations?> _locations;

    public TaskDeclarations(string projectFile, IReadOnlyDictionary<string, ITaskItem[]> items, IReadOnlyDictionary<string, string?> properties, Func<ProjectLocations?> locations)
    {
        _projectFile = Path.GetFullPath(projectFile);
        _items = items;
        _properties = properties;
        _locations = locations;
        ProjectDirectory = Path.GetDirectoryName(_projectFile)!;
    }

    public string ProjectDirectory { get; }

    public IEnumerable<DeclaredItem> Items(string itemType)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in _items.TryGetValue(itemType, out var items) ? items : Array.Empty<ITaskItem>())
        {
            var occurrence = seen[item.ItemSpec] = seen.TryGetValue(item.ItemSpec, out var count) ? count + 1 : 0;
            var definingFile = item.GetMetadata("DefiningProjectFullPath") is { Length: > 0 } f ? f : _projectFile;
            var fullPath = item.GetMetadata("FullPath") is { Length: > 0 } p ? p : InputFiles.Resolve(ProjectDirectory, item.ItemSpec);
            yield return new DeclaredItem(
                item.ItemSpec,
                _locations()?.Item(itemType, item.ItemSpec, occurrence, definingFile) ?? new SourceLocation(definingFile),
                fullPath,
                item.GetMetadata);
        }
    }

    public SettingValue? Property(string name) =>
        _properties.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? new SettingValue(name, value, _locations()?.Property(name, value) ?? new SourceLocation(_projectFile))
            : null;
}
