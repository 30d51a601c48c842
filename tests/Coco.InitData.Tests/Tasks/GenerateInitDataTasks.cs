using Coco.InitData.Tasks;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tests.Tasks;

/// <summary>The GenerateInitData task as the targets call it, for tests that run it without MSBuild.</summary>
internal static class GenerateInitDataTasks
{
    /// <summary>
    /// A task for <paramref name="projectFile"/> that writes into <paramref name="directory"/>/out, with a KBS URL (a
    /// registry or certificate needs one) and the given registries; set more parameters on the result.
    /// </summary>
    public static GenerateInitData For(FakeBuildEngine engine, string directory, string projectFile, params ITaskItem[] registries) => new()
    {
        BuildEngine = engine,
        ProjectFile = projectFile,
        OutputPath = Path.Combine(directory, "out"),
        Registries = registries,
        InitDataKbsUrl = "http://kbs.example.internal:8080",
    };
}
