using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// Versions come from git (MinVer): a checkout tagged v1.2.3 packs 1.2.3, the next commit packs 1.2.4-alpha.0.1,
/// and a consumer project and a tool installed from the first pack move to the second with the upgrade commands of
/// docs/install.md, run literally. The tool is packed portable (NativeToolByDefault=false in the environment) to
/// keep the two packs short; the native package's version and pointer come from the same pack.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class InstalledToolUpgradeTests(ITestOutputHelper log)
{
    [Fact]
    public void A_second_commit_packs_a_higher_version_and_the_documented_commands_upgrade_the_package_and_the_tool()
    {
        using var root = new TempDirectory("cid-upgrade");
        var checkout = CleanCheckout.Create(Path.Combine(root.Path, "coco-initdata"));
        CleanCheckout.Git(checkout, "tag", "v1.2.3");
        var home = Path.Combine(root.Path, "home");
        Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = Path.Combine(home, ".nuget", "packages"),
            ["NativeToolByDefault"] = "false",
        };
        var feed = Path.Combine(checkout, "artifacts", "packages");
        var project = Path.Combine(root.Path, "my-workload");
        var tool = Path.Combine(home, ".dotnet", "tools", OperatingSystem.IsWindows() ? "coco-initdata.exe" : "coco-initdata");

        // The first install, as the Quick start makes it, from the tagged commit.
        Run(checkout, environment, $"""
            dotnet pack Packages.slnf -c Release -o artifacts/packages
            dotnet new classlib -o ../my-workload
            cd ../my-workload
            dotnet new nugetconfig
            dotnet nuget add source "{feed}" --name coco-initdata --configfile nuget.config
            dotnet add package Coco.InitData --prerelease
            dotnet tool install -g Coco.InitData.Tool --prerelease --add-source "{feed}"
            """);
        Assert.Equal("1.2.3", PackedVersion.Of(feed, "Coco.InitData"));
        Assert.Equal("1.2.3", PackedVersion.Of(feed, "Coco.InitData.Tool"));
        Assert.Equal("1.2.3", ReferencedVersion(project));
        Assert.Equal("1.2.3", ProcessRunner.Run(tool, ["--version"], project, environment).StandardOutput.Trim());

        // One more commit, then the upgrade commands of docs/install.md as a reader runs them from the repository.
        CleanCheckout.Commit(checkout, "a change after the release");
        var upgrade = Run(checkout, environment, UpgradeBlock());

        foreach (var package in new[] { "Coco.InitData", "Coco.InitData.Tool", "Coco.InitData.Tool.any" })
        {
            Assert.True(File.Exists(Path.Combine(feed, $"{package}.1.2.4-alpha.0.1.nupkg")), $"the second commit's {package} was not packed");
        }

        Assert.Equal("1.2.4-alpha.0.1", ReferencedVersion(project));
        Assert.True(Directory.Exists(Path.Combine(home, ".nuget", "packages", "coco.initdata", "1.2.4-alpha.0.1")), "the new package was not restored");
        Assert.Contains("from version '1.2.3' to version '1.2.4-alpha.0.1'", upgrade.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("1.2.4-alpha.0.1", ProcessRunner.Run(tool, ["--version"], project, environment).StandardOutput.Trim());
    }

    private ProcessResult Run(string directory, Dictionary<string, string> environment, string commands)
    {
        var result = ProcessRunner.Run("bash", ["-c", "set -euxo pipefail\n" + commands], directory, environment, TimeSpan.FromMinutes(15));
        log.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, result.Output);
        return result;
    }

    private static string ReferencedVersion(string project) =>
        ReferenceVersion().Match(File.ReadAllText(Path.Combine(project, "my-workload.csproj"))).Groups["version"].Value;

    // The sh block between the <!-- upgrade --> markers of docs/install.md, verbatim.
    private static string UpgradeBlock()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "install.md"));
        var section = text[text.IndexOf("<!-- upgrade -->", StringComparison.Ordinal)..text.IndexOf("<!-- /upgrade -->", StringComparison.Ordinal)];
        return ShellBlock().Match(section).Groups["body"].Value;
    }

    [GeneratedRegex(@"<PackageReference Include=""Coco\.InitData"" Version=""(?<version>[^""]+)""")]
    private static partial Regex ReferenceVersion();

    [GeneratedRegex(@"^```sh\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
