using Coco.InitData.Diagnostics;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Projects;

/// <summary>Finds the project file as <c>dotnet build</c> does: a file, or the one project file of a folder.</summary>
internal static class ProjectFileFinder
{
    public static string? Find(string? argument, Reporter reporter)
    {
        var path = Path.GetFullPath(argument ?? Directory.GetCurrentDirectory());
        if (File.Exists(path))
        {
            // A FIFO would block MSBuild's read of the project forever.
            return InputFile.IsReadable(argument ?? path, reporter) ? path : null;
        }

        if (!Directory.Exists(path))
        {
            reporter.Error(MessageId.ToolProjectNotFound, SourceLocation.None, argument ?? path);
            return null;
        }

        var candidates = Directory.GetFiles(path, "*.*proj").Where(f => !f.EndsWith(".vcxproj", StringComparison.OrdinalIgnoreCase)).ToArray();
        switch (candidates.Length)
        {
            case 1:
                return candidates[0];
            case 0:
                reporter.Error(MessageId.ToolProjectNotFound, SourceLocation.None, path);
                return null;
            default:
                reporter.Error(MessageId.ToolProjectAmbiguous, SourceLocation.None, path, string.Join(", ", candidates.Select(Path.GetFileName)));
                return null;
        }
    }
}
