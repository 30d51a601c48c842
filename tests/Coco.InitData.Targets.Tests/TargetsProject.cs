using System.Security;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;

namespace Coco.InitData.Targets.Tests;

/// <summary>A minimal project (no SDK) that imports build/ from source, built in-process.</summary>
internal sealed class TargetsProject() : ProjectFolder("cid-targets", "app", ".proj")
{
    public string OutputPath => Path.Combine(Directory, "bin", "initdata");

    /// <summary>The set's list, in obj/ beside the rest of the build's state.</summary>
    public string ListPath => Path.Combine(Directory, "obj", "app.initdata.files");

    /// <summary>The set's commit journal, in obj/.</summary>
    public string JournalPath => Path.Combine(Directory, "obj", "app.initdata.journal");

    /// <summary>The first line of the list and the journal: the output folder they describe.</summary>
    public string RootLine => "root\t" + Path.TrimEndingDirectorySeparator(OutputPath) + "\n";

    /// <summary>The built project's InitDataGeneratedFile items, relative to <see cref="OutputPath"/>, '/'-separated, sorted.</summary>
    public IReadOnlyList<string> RelativeOutputs(ProjectInstance built) =>
        built.GetItems("InitDataGeneratedFile").Select(i => Path.GetRelativePath(OutputPath, i.EvaluatedInclude).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    /// <summary>Writes app.proj; <paramref name="targets"/> stands in for SDK targets the package hooks (by AfterTargets).</summary>
    public void WriteProject(string items, string properties = "", string targets = "") => WriteProjectFile($"""
        <Project>
          <PropertyGroup>
            <OutDir>bin/</OutDir>
            <IntermediateOutputPath>obj/</IntermediateOutputPath>
            <InitDataTasksAssembly>{SecurityElement.Escape(Path.Combine(AppContext.BaseDirectory, "Coco.InitData.Tasks.dll"))}</InitDataTasksAssembly>
            <InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>
            <InitDataValidationTime>2026-06-01T00:00:00Z</InitDataValidationTime>
            {properties}
          </PropertyGroup>
          <Import Project="{SecurityElement.Escape(RepositoryPaths.PropsFile)}" />
          <ItemGroup>
            {items}
          </ItemGroup>
          <Target Name="CopyFilesToOutputDirectory" />
          <Target Name="Build" DependsOnTargets="CopyFilesToOutputDirectory" />
          <Target Name="Clean" />
          {targets}
          <Import Project="{SecurityElement.Escape(RepositoryPaths.TargetsFile)}" />
        </Project>
        """);

    /// <summary>Evaluates the project afresh (as a new `dotnet build` would) and builds the targets.</summary>
    public (bool Success, BuildRecorder Log, ProjectInstance Instance, IDictionary<string, TargetResult> Results) Build(params string[] targets)
    {
        using var collection = new ProjectCollection();
        var project = collection.LoadProject(ProjectPath);
        var instance = project.CreateProjectInstance();
        var recorder = new BuildRecorder();
        var success = instance.Build(targets.Length == 0 ? new[] { "Build" } : targets, new[] { recorder }, out var results);
        return (success, recorder, instance, results);
    }
}
