using Coco.InitData.ProjectFiles;
using Coco.InitData.Specification;
using Microsoft.Build.Evaluation;

namespace Coco.InitData.Tool.Projects;

/// <summary>An evaluated project's InitData items and properties, located exactly as the build task locates them.</summary>
internal sealed class EvaluatedDeclarations : IProjectDeclarations
{
    private readonly Project _project;
    private readonly ProjectLocations _locations;

    public EvaluatedDeclarations(Project project, ProjectLocations locations)
    {
        _project = project;
        _locations = locations;
    }

    public string ProjectDirectory => _project.DirectoryPath;

    public IEnumerable<DeclaredItem> Items(string itemType)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in _project.GetItems(itemType))
        {
            var occurrence = seen[item.EvaluatedInclude] = seen.TryGetValue(item.EvaluatedInclude, out var count) ? count + 1 : 0;
            var definingFile = item.GetMetadataValue("DefiningProjectFullPath") is { Length: > 0 } f ? f : _project.FullPath;
            yield return new DeclaredItem(
                item.EvaluatedInclude,
                _locations.Item(itemType, item.EvaluatedInclude, occurrence, definingFile),
                item.GetMetadataValue("FullPath"),
                item.GetMetadataValue);
        }
    }

    public SettingValue? Property(string name)
    {
        var value = _project.GetPropertyValue(name);
        return string.IsNullOrWhiteSpace(value) ? null : new SettingValue(name, value, _locations.Property(name, value));
    }
}
