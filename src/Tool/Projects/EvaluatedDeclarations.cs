using Coco.InitData.Diagnostics;
using Coco.InitData.Specification;
using Microsoft.Build.Evaluation;

namespace Coco.InitData.Tool.Projects;

/// <summary>An evaluated project's InitData items and properties, with the real element locations MSBuild knows.</summary>
internal sealed class EvaluatedDeclarations : IProjectDeclarations
{
    private readonly Project _project;
    private readonly string _projectPath;

    public EvaluatedDeclarations(Project project, string projectPath)
    {
        _project = project;
        _projectPath = projectPath;
    }

    public string ProjectDirectory => _project.DirectoryPath;

    public IEnumerable<DeclaredItem> Items(string itemType) => _project.GetItems(itemType).Select(item => new DeclaredItem(
        item.EvaluatedInclude,
        item.Xml?.Location is { } l ? new SourceLocation(l.File, l.Line) : new SourceLocation(_projectPath),
        item.GetMetadataValue("DefiningProjectDirectory") is { Length: > 0 } d ? d : ProjectDirectory,
        item.GetMetadataValue));

    public SettingValue? Property(string name)
    {
        var value = _project.GetPropertyValue(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var location = _project.GetProperty(name)?.Xml?.Location;
        return new SettingValue(name, value, location is null ? new SourceLocation(_projectPath) : new SourceLocation(location.File, location.Line));
    }
}
