using System.Security.Cryptography;
using System.Text;
using Coco.InitData.Artifacts;

namespace Coco.InitData.Targets.Tests;

/// <summary>
/// The build's output folder as a restored cache or a tool run can leave it: the targets act on it only through the
/// engine's checks, and the digest they report is the one of the document on disk.
/// </summary>
[Collection(nameof(MSBuildCollection))]
public sealed class HostileOutputFolderTests : IDisposable
{
    private readonly TempDirectory _outside = new("cid-victim");

    public void Dispose() => _outside.Dispose();

    [SkippableFact]
    public void A_poisoned_list_makes_GenerateInitData_publish_clean_and_the_next_build_touch_nothing_outside_the_folder()
    {
        Skip.If(OperatingSystem.IsWindows(), "links as planted here are Unix entries");
        using var project = new TargetsProject();
        project.WriteProject(string.Empty);
        Assert.True(project.Build().Success);
        var victim = Victim();
        Directory.CreateSymbolicLink(Path.Combine(project.OutputPath, "linked"), victim);
        var relativeVictim = Path.GetRelativePath(project.OutputPath, Path.Combine(victim, "secret.txt")).Replace('\\', '/');
        File.WriteAllText(
            project.ListPath,
            project.RootLine + $"initdata.toml\n{relativeVictim}\n{Path.Combine(victim, "secret.txt")}\nlinked/secret.txt\n");
        // Older than the stamp: the generation is skipped and the list is what GenerateInitData and publish read.
        File.SetLastWriteTimeUtc(project.ListPath, DateTime.UtcNow.AddMinutes(-5));
        File.SetLastWriteTimeUtc(Path.Combine(project.OutputPath, "initdata.toml"), DateTime.UtcNow.AddMinutes(-5));
        var before = FolderSnapshot.Of(victim);

        var skipped = project.Build("GenerateInitData");
        var published = project.Build("_InitDataAddToPublish");
        var cleaned = project.Build("Clean");

        Assert.True(skipped.Success, string.Join("\n", skipped.Log.Errors.Select(e => e.Message)));
        Assert.DoesNotContain("GenerateInitData", skipped.Log.TasksStarted);
        Assert.Equal(["initdata.toml"], project.RelativeOutputs(skipped.Instance));
        Assert.True(published.Success);
        Assert.All(published.Instance.GetItems("ResolvedFileToPublish"), i => Assert.DoesNotContain("..", i.GetMetadataValue("RelativePath"), StringComparison.Ordinal));
        Assert.Equal(["initdata.toml"], published.Instance.GetItems("ResolvedFileToPublish").Select(i => Path.GetFileName(i.EvaluatedInclude)));
        Assert.True(cleaned.Success, string.Join("\n", cleaned.Log.Errors.Select(e => e.Message)));
        Assert.True(before.Equals(FolderSnapshot.Of(victim)), before.Difference(FolderSnapshot.Of(victim)));

        // A generating build with the same list prunes nothing outside either.
        Assert.True(project.Build().Success);
        File.WriteAllText(project.ListPath, project.RootLine + $"initdata.toml\n{relativeVictim}\nlinked/secret.txt\n");
        var generating = project.Build();
        Assert.True(generating.Success);
        Assert.Contains("GenerateInitData", generating.Log.TasksStarted);
        Assert.True(before.Equals(FolderSnapshot.Of(victim)), before.Difference(FolderSnapshot.Of(victim)));
    }

    [SkippableFact]
    public void A_fifo_where_the_list_belongs_fails_the_build_with_CID3074_instead_of_hanging_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are Unix entries");
        using var project = new TargetsProject();
        project.WriteProject(string.Empty);
        Assert.True(project.Build().Success);
        var list = project.ListPath;
        File.Delete(list);
        HostileEntry.MakeFifo(list);

        var build = Task.Run(() => project.Build("Build", "GenerateInitData"));

        Assert.True(build.Wait(TimeSpan.FromSeconds(60)), "the build blocked on the FIFO");
        Assert.False(build.Result.Success);
        Assert.Contains(build.Result.Log.Errors, e => e.Code == "CID3074" && e.File == list);
    }

    [Fact]
    public void After_another_writer_replaced_the_set_the_next_build_regenerates_and_reports_the_digest_of_the_document_on_disk()
    {
        using var project = new TargetsProject();
        project.WriteProject(string.Empty);
        var first = project.Build("Build", "GenerateInitData");
        Assert.True(first.Success);

        // What coco-initdata generate -o into the build's folder does: a whole other set, list included.
        var foreign = Encoding.UTF8.GetBytes("version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n");
        Assert.NotNull(ArtifactWriter.Write(project.OutputPath, [new ArtifactFile("initdata.toml", foreign)], new Coco.InitData.Diagnostics.DiagnosticBag()));
        var next = project.Build("Build", "GenerateInitData");

        Assert.True(next.Success);
        Assert.Contains("GenerateInitData", next.Log.TasksStarted);
        var onDisk = File.ReadAllBytes(Path.Combine(project.OutputPath, "initdata.toml"));
        Assert.Equal("sha256:" + Convert.ToHexString(SHA256.HashData(onDisk)).ToLowerInvariant(), next.Instance.GetPropertyValue("InitDataDigest"));
        Assert.Equal(first.Instance.GetPropertyValue("InitDataDigest"), next.Instance.GetPropertyValue("InitDataDigest"));

        // A document replaced alone (decode -o over it) with the stamp still newer: the digest read is still the disk's.
        File.WriteAllBytes(Path.Combine(project.OutputPath, "initdata.toml"), foreign);
        var stamp = Path.Combine(project.Directory, "obj", "app.initdata.stamp");
        File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow.AddMinutes(5));
        var skipped = project.Build("GenerateInitData");
        Assert.DoesNotContain("GenerateInitData", skipped.Log.TasksStarted);
        Assert.Equal("sha256:" + Convert.ToHexString(SHA256.HashData(foreign)).ToLowerInvariant(), skipped.Instance.GetPropertyValue("InitDataDigest"));
    }

    private string Victim()
    {
        var victim = Directory.CreateDirectory(Path.Combine(_outside.Path, "victim")).FullName;
        File.WriteAllText(Path.Combine(victim, "secret.txt"), "the victim's");
        return victim;
    }
}
