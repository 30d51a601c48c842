using Coco.InitData.Testing;
using Xunit;

namespace Coco.InitData.Tool.Tests.Infrastructure;

/// <summary>
/// Packs src/Tool once per test run into a local feed and installs it into a temporary --tool-path, as a
/// user would install it: the tests run that coco-initdata, never the build output. On linux-x64 with clang
/// on PATH (CI installs it) that is the Native AOT package a plain <c>dotnet pack</c> makes there (its pointer
/// names linux-x64, which the CLI resolves to), otherwise the framework-dependent one (also forced with
/// <c>COCO_TOOL_TESTS_BUILD=framework-dependent</c>, which packs with <c>-p:NativeToolByDefault=false</c>).
/// </summary>
public sealed class InstalledTool : IDisposable
{
    private readonly TempDirectory _root = new("cid-tool");

    public InstalledTool()
    {
        var feed = Path.Combine(_root.Path, "feed");
        var toolPath = Path.Combine(_root.Path, "tools");
        var packages = Path.Combine(_root.Path, "packages");
        IsNative = InstallsNative;
        // The README's plain pack: on linux-x64 with clang it makes the native package and the pointer naming it.
        var packArguments = new List<string> { "pack", Path.Combine(RepositoryPaths.Root, "src", "Tool"), "-o", feed, "-nologo", "-tl:off" };
        if (!IsNative)
        {
            packArguments.Add("-p:NativeToolByDefault=false");
        }

        var pack = ProcessRunner.Run("dotnet", packArguments, RepositoryPaths.Root, null, TimeSpan.FromMinutes(15));
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack src/Tool failed:\n" + pack.Output);
        }

        // A nuget.config with only the local feed, and an empty package folder: the freshly packed tool (a prerelease
        // in a checkout without a version tag) is
        // installed, never a copy cached from an earlier run with the same version.
        var config = _root.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var install = ProcessRunner.Run(
            "dotnet",
            new[] { "tool", "install", "Coco.InitData.Tool", "--prerelease", "--tool-path", toolPath, "--configfile", config },
            _root.Path,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages });
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool install failed:\n" + install.Output);
        }

        PackageVersion = PackedVersion.Of(feed, "Coco.InitData.Tool");
        Executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "coco-initdata.exe" : "coco-initdata");
        ToolPath = toolPath;
    }

    /// <summary>True when the installed tool is the Native AOT build (linux-x64 with clang), false for the framework-dependent one.</summary>
    public bool IsNative { get; }

    /// <summary>The version the pack gave the tool (from git: tags and height).</summary>
    public string PackageVersion { get; }

    /// <summary>The --tool-path folder the tool was installed into (its package under .store).</summary>
    public string ToolPath { get; }

    /// <summary>The installed command.</summary>
    public string Executable { get; }

    /// <summary>Runs coco-initdata with colour off (NO_COLOR) unless the environment says otherwise.</summary>
    public ProcessResult RunWith(string workingDirectory, IDictionary<string, string>? environment, string? standardInput, params string[] arguments)
    {
        var env = new Dictionary<string, string> { ["NO_COLOR"] = "1" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return ProcessRunner.Run(Executable, arguments, workingDirectory, env, TimeSpan.FromMinutes(3), standardInput);
    }

    /// <summary>Runs coco-initdata in the given folder.</summary>
    public ProcessResult Run(string workingDirectory, params string[] arguments) => RunWith(workingDirectory, null, null, arguments);

    public void Dispose() => _root.Dispose();

    /// <summary>Whether this machine installs the Native AOT build: linux-x64 with clang (which links it), unless told otherwise.</summary>
    public static bool InstallsNative =>
        Environment.GetEnvironmentVariable("COCO_TOOL_TESTS_BUILD") != "framework-dependent"
        && OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64
        && (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "clang")));
}
