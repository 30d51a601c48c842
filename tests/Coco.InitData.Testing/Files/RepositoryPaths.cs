namespace Coco.InitData.Testing;

/// <summary>Where things are in this repository and in the test output.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tasks.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tasks.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder of Tasks.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>build/Coco.InitData.props from source.</summary>
    public static string PropsFile => Path.Combine(Root, "build", "Coco.InitData.props");

    /// <summary>build/Coco.InitData.targets from source.</summary>
    public static string TargetsFile => Path.Combine(Root, "build", "Coco.InitData.targets");

    /// <summary>The task assembly as built beside the tests (its dependencies are in the same folder).</summary>
    public static string TasksAssembly => Path.Combine(AppContext.BaseDirectory, "Coco.InitData.Tasks.dll");

    /// <summary>The test vectors copied from ../shared/spec/vectors.</summary>
    public static string Vector(string name) => Path.Combine(AppContext.BaseDirectory, "vectors", name);

    /// <summary>A script from the scripts/ folder the running test project copies beside itself.</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "scripts", name);
}
