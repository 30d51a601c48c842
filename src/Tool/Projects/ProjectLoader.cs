using Coco.InitData.Diagnostics;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Projects;

/// <summary>Finds, registers MSBuild for, and evaluates a project: the shared front half of generate and verify.</summary>
internal static class ProjectLoader
{
    /// <summary>The evaluated project, or null after reporting (exit code in <paramref name="exitCode"/>).</summary>
    public static EvaluatedProject? Load(string? argument, IReadOnlyList<string> properties, bool outputPathNeeded, Reporter reporter, out int exitCode)
    {
        exitCode = ExitCodes.Usage;
        var globals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in properties)
        {
            var equals = property.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "-p", property, "write it as -p:Name=Value");
                return null;
            }

            globals[property[..equals].Trim()] = property[(equals + 1)..];
        }

        var projectPath = ProjectFileFinder.Find(argument, reporter);
        if (projectPath is null)
        {
            return null;
        }

        if (!MsBuildRegistration.TryRegister(Path.GetDirectoryName(projectPath)!))
        {
            reporter.Error(MessageId.ToolSdkNotFound, SourceLocation.None, projectPath);
            return null;
        }

        exitCode = ExitCodes.Findings;
        var diagnostics = new DiagnosticBag();
        var project = ProjectReader.Read(projectPath, globals, outputPathNeeded, diagnostics);
        if (project is null)
        {
            // Otherwise the findings travel with the project, into the pipeline's report.
            reporter.ReportAll(diagnostics.Items);
        }

        return project;
    }
}
