using Coco.InitData.Diagnostics;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Projects;

/// <summary>
/// The native build's ProjectLoader (ProjectLoader.cs in the framework-dependent one). MSBuild cannot run inside a
/// Native AOT executable, so a command that has come this far, <c>generate PROJECT</c> or <c>verify PROJECT</c>, is run
/// again, whole, by the framework-dependent build shipped beside this one; its output and exit code are this run's.
/// </summary>
internal static class ProjectLoader
{
    /// <summary>Never returns a project: ends the run through <see cref="ManagedToolExitedException"/>, or reports why the hand-off could not start (exit code in <paramref name="exitCode"/>).</summary>
    public static EvaluatedProject? Load(string? argument, IReadOnlyList<string> properties, bool outputPathNeeded, Reporter reporter, out int exitCode)
    {
        // The arguments as typed, not as parsed: the managed build parses them again, so -p spellings and errors stay its own.
        var arguments = Environment.GetCommandLineArgs()[1..];
        if (ManagedTool.Run(arguments, reporter) is { } managedExitCode)
        {
            throw new ManagedToolExitedException(managedExitCode);
        }

        // No dotnet, or no managed part: as when no SDK is found (CID4013).
        exitCode = ExitCodes.Usage;
        return null;
    }
}
