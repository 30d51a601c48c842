using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tasks;

/// <summary>
/// <c>dotnet clean</c>'s part: the files of the set's list (in the folder the list records, even when the output folder
/// moved since), the list, the lock (unless another writer holds it), then the folder if nothing else is left in it. The engine's removal, under the folder's lock and
/// with its checks: nothing named by a list from a restored cache, nor anything reached through a link, is deleted
/// outside the folder, and anyone else's files stay.
/// </summary>
public sealed class RemoveInitDataSet : Microsoft.Build.Utilities.Task
{
    /// <summary>The output folder (<c>$(InitDataOutputPath)</c>).</summary>
    [Required]
    public string OutputPath { get; set; } = string.Empty;

    /// <summary>What this project's InitData files in obj/ start with (<c>$(_InitDataFilePrefix)</c>): the set's list is there.</summary>
    [Required]
    public string StateFilePrefix { get; set; } = string.Empty;

    /// <summary>The project's folder: a set the list records elsewhere (a moved output folder) is removed only below it.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <inheritdoc />
    public override bool Execute()
    {
        var diagnostics = new DiagnosticBag();
        var books = SetBookkeeping.WithPrefix(StateFilePrefix);
        GenerationState.LeaveEarlierFolder(books, OutputPath, ProjectDirectory);
        if (ArtifactWriter.RemoveSet(OutputPath, diagnostics, books) is not null)
        {
            FolderLock.RemoveWithEmptyFolder(Path.GetFullPath(OutputPath), books);
        }

        foreach (var diagnostic in diagnostics.Items)
        {
            DiagnosticLogger.Log(Log, diagnostic);
        }

        return !Log.HasLoggedErrors;
    }
}
