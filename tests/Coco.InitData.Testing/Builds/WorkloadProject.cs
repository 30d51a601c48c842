using System.Security;

namespace Coco.InitData.Testing;

/// <summary>
/// A throwaway workload project in a temp folder that imports the package's build/ files from source and
/// the task assembly built beside the tests, then is built with a real `dotnet build` process.
/// </summary>
public sealed class WorkloadProject(string name = "Workload") : ProjectFolder("cid-workload", name)
{
    /// <summary>The default output folder of the artifacts.</summary>
    public string OutputPath => Path.Combine(Directory, "bin", "Debug", "net10.0", "initdata");

    /// <summary>Writes the project file: <paramref name="body"/> goes inside &lt;Project&gt; after a PropertyGroup.</summary>
    /// <param name="body">Item groups and property groups of the workload.</param>
    /// <param name="properties">Extra property lines.</param>
    public string WriteProject(string body, string properties = "") =>
        WriteProjectFile($"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <EnableDefaultItems>false</EnableDefaultItems>
                <InitDataTasksAssembly>{SecurityElement.Escape(RepositoryPaths.TasksAssembly)}</InitDataTasksAssembly>
                <InitDataUseTaskHost>true</InitDataUseTaskHost>
            {properties}
              </PropertyGroup>
              <Import Project="{SecurityElement.Escape(RepositoryPaths.PropsFile)}" />
            {body}
              <Import Project="{SecurityElement.Escape(RepositoryPaths.TargetsFile)}" />
            </Project>
            """);

    /// <summary>Runs `dotnet build` (or another verb) on the project.</summary>
    public ProcessResult Run(params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments.Length == 0 ? new[] { "build", ProjectPath, "-tl:off", "-nologo" } : arguments, Directory);

    /// <summary>Runs `dotnet build` with extra arguments.</summary>
    public ProcessResult Build(params string[] extra) =>
        ProcessRunner.Run("dotnet", new[] { "build", ProjectPath, "-tl:off", "-nologo" }.Concat(extra), Directory);
}
