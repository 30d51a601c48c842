using Coco.InitData.Diagnostics;
using Coco.InitData.Specification;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tasks.ProjectFiles;

/// <summary>The task's parameters seen as a project's declarations, for the engine's <see cref="DeclarationReader"/>.</summary>
internal sealed class TaskDeclarations : IProjectDeclarations
{
    private readonly string _projectFile;
    private readonly IReadOnlyDictionary<string, ITaskItem[]> _items;
    private readonly IReadOnlyDictionary<string, string?> _properties;
    private readonly DeclarationLocator _locator;

    public TaskDeclarations(string projectFile, IReadOnlyDictionary<string, ITaskItem[]> items, IReadOnlyDictionary<string, string?> properties, DeclarationLocator locator)
    {
        _projectFile = projectFile;
        _items = items;
        _properties = properties;
        _locator = locator;
        ProjectDirectory = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
    }

    public string ProjectDirectory { get; }

    public IEnumerable<DeclaredItem> Items(string itemType) =>
        (_items.TryGetValue(itemType, out var items) ? items : Array.Empty<ITaskItem>()).Select(item =>
        {
            var definingFile = item.GetMetadata("DefiningProjectFullPath");
            var definingDirectory = item.GetMetadata("DefiningProjectDirectory");
            return new DeclaredItem(
                item.ItemSpec,
                _locator.Item(definingFile.Length == 0 ? _projectFile : definingFile, itemType, item.ItemSpec),
                definingDirectory.Length == 0 ? ProjectDirectory : definingDirectory,
                item.GetMetadata);
        });

    public SettingValue? Property(string name) =>
        _properties.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? new SettingValue(name, value, _locator.Property(_projectFile, name))
            : null;
}
