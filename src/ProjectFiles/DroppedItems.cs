using Coco.InitData.Diagnostics;
using Coco.InitData.Specification;

namespace Coco.InitData.ProjectFiles;

/// <summary>
/// Declarations MSBuild dropped before any task or tool could see them, found in its evaluation: a registry written
/// as a file wildcard (<c>*.domain</c>), and a certificate or manifest glob that matched no file. Shared by the build
/// task and the tool, so both say the same thing at the same place.
/// </summary>
public static class DroppedItems
{
    /// <summary>Adds an error for each registry or mirror written as a file glob, a warning for each empty certificate or manifest glob.</summary>
    public static void Report(ProjectLocations locations, DiagnosticBag diagnostics)
    {
        foreach (var itemType in new[] { DeclarationReader.RegistryItem, DeclarationReader.MirrorItem })
        {
            foreach (var (include, location) in locations.GlobbedIncludes(itemType))
            {
                diagnostics.Error(MessageId.RegistryIncludeIsFileGlob, location, itemType, include, include.Replace("*", "%2A", StringComparison.Ordinal).Replace("?", "%3F", StringComparison.Ordinal));
            }
        }

        foreach (var itemType in new[] { DeclarationReader.CertificateItem, DeclarationReader.ManifestItem })
        {
            foreach (var (include, location) in locations.EmptyGlobs(itemType))
            {
                diagnostics.Warning(MessageId.DeclaredItemDropped, location, itemType, include, locations.ProjectDirectory);
            }
        }
    }
}
