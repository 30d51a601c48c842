using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tasks;

/// <summary>
/// <c>dotnet clean</c>'s part in the output folder: the files of the set's list, the list, the lock (unless another
/// writer holds it), then the folder if nothing else is left in it. The engine's removal, under the folder's lock and
/// with its checks: nothing named by a list from a restored cache, nor anything reached through a link, is deleted
/// outside the folder, and anyone else's files stay.
/// </summary>
public sealed class RemoveInitDataSet : Microsoft.Build.Utilities.Task
{
    /// <summary>The output folder (<c>$(InitDataOutputPath)</c>).</summary>
    [Required]
    public string OutputPath { get; set; } = string.Empty;

    /// <inheritdoc />
    public override bool Execute()
    {
        var diagnostics = new DiagnosticBag();
        if (ArtifactWriter.RemoveSet(OutputPath, diagnostics) is not null && Directory.Exists(OutputPath))
        {
            FolderLock.RemoveWithEmptyFolder(Path.GetFullPath(OutputPath));
        }

        foreach (var diagnostic in diagnostics.Items)
        {
            DiagnosticLogger.Log(Log, diagnostic);
        }

        return !Log.HasLoggedErrors;
    }
}
