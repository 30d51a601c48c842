using System.Runtime.CompilerServices;
using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;
using Coco.InitData.ProjectFiles;
using Coco.InitData.Specification;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace Coco.InitData.Tool.Projects;

/// <summary>
/// Evaluates a project with the SDK's MSBuild and maps its InitData items and properties to a specification
/// exactly as the GenerateInitData task does: same values, same item folders, and the output path the package's targets compute.
/// </summary>
internal static class ProjectReader
{
    // The package's public target that says whether and where this project's build writes initdata.
    private const string ConfigurationTarget = "GetInitDataConfiguration";

    /// <summary>Evaluates the project; null after reporting why it could not be.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static EvaluatedProject? Read(string projectPath, IReadOnlyDictionary<string, string> globalProperties, bool outputPathNeeded, DiagnosticBag diagnostics)
    {
        using var collection = new ProjectCollection(globalProperties.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));
        Project project;
        try
        {
            project = collection.LoadProject(projectPath);
            var frameworks = project.GetPropertyValue("TargetFrameworks");
            if (project.GetPropertyValue("TargetFramework").Length == 0 && frameworks.Length > 0)
            {
                // The build generates per target framework; like `dotnet run`, take the first unless one is given.
                var properties = new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase)
                {
                    ["TargetFramework"] = frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0],
                };
                project = collection.LoadProject(projectPath, properties, toolsVersion: null);
            }
        }
        catch (InvalidProjectFileException e)
        {
            diagnostics.Error(MessageId.ToolProjectLoadFailed, new SourceLocation(e.ProjectFile ?? projectPath, e.LineNumber, e.ColumnNumber), projectPath, e.BaseMessage);
            return null;
        }

        var locations = new ProjectLocations(project);
        if (!locations.ImportsPackage)
        {
            diagnostics.Warning(MessageId.ToolProjectWithoutPackage, new SourceLocation(projectPath), projectPath);
        }

        DroppedItems.Report(locations, diagnostics);
        return Map(project, projectPath, locations, outputPathNeeded, diagnostics);
    }

    private static EvaluatedProject? Map(Project project, string projectPath, ProjectLocations locations, bool outputPathNeeded, DiagnosticBag diagnostics)
    {
        var declarations = new EvaluatedDeclarations(project, locations);
        // Without -o the targets say where; with it (or for verify) nothing is asked of them, so a failing target of the
        // user's cannot stop the run. InitDataEnabled alone then says whether the build generates: the targets add only
        // "not the outer build of several frameworks", and this evaluation has picked one.
        var where = !locations.ImportsPackage ? WithoutThePackage(project)
            : outputPathNeeded ? AsTheTargetsSay(project, projectPath, diagnostics)
            : (string.Equals(project.GetPropertyValue("InitDataEnabled"), "true", StringComparison.OrdinalIgnoreCase), string.Empty);
        if (where is not var (enabled, outputPath))
        {
            return null;
        }

        return new EvaluatedProject
        {
            ProjectPath = projectPath,
            Enabled = enabled,
            OutputPath = outputPath,
            Specification = DeclarationReader.Read(declarations),
            Manifests = DeclarationReader.Manifests(declarations),
            Findings = diagnostics.Items.ToList(),
        };
    }

    // Whether the build generates, and where it writes, are the targets' to say: ask the package's public target (property
    // functions only, no task) on this evaluation, so conditions, imports and OutDir are the build's own. When that
    // target fails, the build would fail too: say why rather than write where the build never would.
    private static (bool Enabled, string OutputPath)? AsTheTargetsSay(Project project, string projectPath, DiagnosticBag diagnostics)
    {
        var instance = project.CreateProjectInstance();
        var errors = new BuildErrorCollector();
        if (!instance.Build(new[] { ConfigurationTarget }, new[] { errors }, out var outputs)
            || outputs[ConfigurationTarget].Items is not [var configuration])
        {
            var first = errors.Errors.FirstOrDefault();
            var location = first is { File.Length: > 0 } ? new SourceLocation(first.File, first.LineNumber, first.ColumnNumber) : new SourceLocation(projectPath);
            var reason = first is null ? "the target failed without an error" : (first.Code is { Length: > 0 } code ? code + ": " : string.Empty) + first.Message;
            diagnostics.Error(MessageId.ToolOutputPathFailed, location, projectPath, reason.TrimEnd('.'));
            return null;
        }

        var enabled = string.Equals(configuration.GetMetadata("Enabled"), "true", StringComparison.OrdinalIgnoreCase);
        return (enabled, Path.TrimEndingDirectorySeparator(Path.GetFullPath(configuration.ItemSpec)));
    }

    // A project without the package (CID4060 says so) has no targets to ask: its InitDataEnabled and InitDataOutputPath
    // as set, else where generate writes without a project (./initdata).
    private static (bool Enabled, string OutputPath) WithoutThePackage(Project project)
    {
        var output = project.GetPropertyValue("InitDataOutputPath") is { Length: > 0 } set ? Path.Combine(project.DirectoryPath, set) : "initdata";
        return (!string.Equals(project.GetPropertyValue("InitDataEnabled"), "false", StringComparison.OrdinalIgnoreCase), Path.TrimEndingDirectorySeparator(Path.GetFullPath(output)));
    }
}
