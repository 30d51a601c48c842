using System.Xml;
using Coco.InitData.Specification;

namespace Coco.InitData.Tasks.ProjectFiles;

/// <summary>
/// A cheap look, before any evaluation, for what only an evaluation can judge: an InitData item written as a file
/// glob, which MSBuild drops when it matches nothing. It reads the project file, the files that declared the items
/// the task received, and the Directory.Build.props/.targets MSBuild imports from above the project.
/// </summary>
internal static class GlobScan
{
    private static readonly string[] ItemTypes =
    {
        DeclarationReader.RegistryItem, DeclarationReader.MirrorItem, DeclarationReader.CertificateItem, DeclarationReader.ManifestItem,
    };

    /// <summary>True when one of those files has an InitData item whose Include holds an unescaped '*' or '?'.</summary>
    public static bool MayHaveDroppedItems(string projectFile, IEnumerable<string> definingFiles)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var files = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(projectFile) };
        files.UnionWith(definingFiles.Where(f => f.Length > 0));
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
        {
            if (FileAbove(directory, name) is { } found)
            {
                files.Add(found);
            }
        }

        return files.Any(HasGlobbedItem);
    }

    private static string? FileAbove(string directory, string name)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool HasGlobbedItem(string file)
    {
        try
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && Array.IndexOf(ItemTypes, reader.LocalName) >= 0
                    && reader.GetAttribute("Include") is { } include && include.IndexOfAny(new[] { '*', '?' }) >= 0)
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or XmlException or UnauthorizedAccessException)
        {
            // Unreadable here: let the evaluation judge.
            return true;
        }

        return false;
    }
}
