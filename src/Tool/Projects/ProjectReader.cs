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
/// exactly as the GenerateInitData task does: same values, same item folders, same default output path.
/// </summary>
internal static class ProjectReader
{
    /// <summary>Evaluates the project; null after reporting why it could not be.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static EvaluatedProject? Read(string projectPath, IReadOnlyDictionary<string, string> globalProperties, DiagnosticBag diagnostics)
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
        return Map(project, projectPath, locations);
    }

    private static EvaluatedProject Map(Project project, string projectPath, ProjectLocations locations)
    {
        var declarations = new EvaluatedDeclarations(project, locations);
        string? Property(string name) => project.GetPropertyValue(name) is { Length: > 0 } v ? v : null;

        // As _InitDataComputePaths: $(OutDir)initdata/ unless set, relative to the project folder.
        var output = Property("InitDataOutputPath") ?? Path.Combine(Property("OutDir") ?? "bin/", "initdata");
        return new EvaluatedProject
        {
            ProjectPath = projectPath,
            Enabled = !string.Equals(Property("InitDataEnabled"), "false", StringComparison.OrdinalIgnoreCase),
            OutputPath = Path.GetFullPath(Path.Combine(project.DirectoryPath, output.Replace('\\', Path.DirectorySeparatorChar))),
            Specification = DeclarationReader.Read(declarations),
            Manifests = DeclarationReader.Manifests(declarations),
        };
    }
}
