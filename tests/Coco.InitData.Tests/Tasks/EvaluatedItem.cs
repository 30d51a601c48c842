using System.Collections;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tests.Tasks;

/// <summary>An item as MSBuild hands it to a task, including the reserved DefiningProject* metadata TaskItem refuses to set.</summary>
public sealed class EvaluatedItem : ITaskItem
{
    private readonly Dictionary<string, string> _metadata = new(StringComparer.OrdinalIgnoreCase);

    public EvaluatedItem(string itemSpec, string definingProject, params (string Name, string Value)[] metadata)
    {
        ItemSpec = itemSpec;
        _metadata["DefiningProjectFullPath"] = definingProject;
        _metadata["DefiningProjectDirectory"] = Path.GetDirectoryName(definingProject) + Path.DirectorySeparatorChar;
        foreach (var (name, value) in metadata)
        {
            _metadata[name] = value;
        }
    }

    public string ItemSpec { get; set; }
    public ICollection MetadataNames => _metadata.Keys;
    public int MetadataCount => _metadata.Count;
    public string GetMetadata(string metadataName) => _metadata.TryGetValue(metadataName, out var value) ? value : string.Empty;
    public void SetMetadata(string metadataName, string metadataValue) => _metadata[metadataName] = metadataValue;
    public void RemoveMetadata(string metadataName) => _metadata.Remove(metadataName);
    public void CopyMetadataTo(ITaskItem destinationItem)
    {
        foreach (var (key, value) in _metadata)
        {
            destinationItem.SetMetadata(key, value);
        }
    }

    public IDictionary CloneCustomMetadata() => new Dictionary<string, string>(_metadata);
}
