using Xunit.Abstractions;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// The README's plain pack on linux-x64 without clang: it still succeeds, with the pointer and the portable `any`
/// package only, and says in one line how to get the native one (no warning: a pack without a toolchain is normal).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class InstalledToolWithoutClangTests(ITestOutputHelper log)
{
    [SkippableFact]
    public void A_plain_pack_without_clang_makes_the_portable_set_and_says_in_one_line_how_to_get_the_native_one()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64,
            "the native tool is packed by default on linux-x64 only");
        using var root = new TempDirectory("cid-noclang");
        var checkout = CleanCheckout.Create(Path.Combine(root.Path, "checkout"));

        // A PATH with dotnet, git (MinVer reads the version with it) and sh, and no clang.
        var bin = Directory.CreateDirectory(Path.Combine(root.Path, "bin")).FullName;
        foreach (var tool in new[] { "dotnet", "git", "sh" }) // sh: MSBuild's Exec runs its commands with it
        {
            var found = RealTools.OnPath(tool).FirstOrDefault() ?? throw new InvalidOperationException(tool + " is not on PATH");
            File.CreateSymbolicLink(Path.Combine(bin, tool), found);
        }

        var feed = Path.Combine(root.Path, "feed");
        var pack = ProcessRunner.Run("dotnet", ["pack", "src/Tool", "-c", "Release", "-o", feed, "-nologo", "-tl:off"], checkout,
            new Dictionary<string, string> { ["PATH"] = bin }, TimeSpan.FromMinutes(15));
        log.WriteLine(pack.Output);

        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.DoesNotContain(": warning ", pack.Output, StringComparison.Ordinal);
        var hint = pack.Output.Split('\n').Where(l => l.Contains("Native AOT", StringComparison.Ordinal)).ToList();
        Assert.Single(hint);
        Assert.Contains("install clang", hint[0], StringComparison.Ordinal);
        var version = PackedVersion.Of(feed, "Coco.InitData.Tool");
        Assert.Equal(
            [$"Coco.InitData.Tool.{version}.nupkg", $"Coco.InitData.Tool.any.{version}.nupkg", $"Coco.InitData.Tool.any.{version}.snupkg"],
            Directory.GetFiles(feed).Select(Path.GetFileName).Order());
    }
}
