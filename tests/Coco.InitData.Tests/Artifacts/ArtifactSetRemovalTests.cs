using System.Text;
using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using static Coco.InitData.Tests.Artifacts.ArtifactSetTests;

namespace Coco.InitData.Tests.Artifacts;

/// <summary>
/// Removing a set (dotnet clean, a moved output folder) and adding files beside a user's own: only what the set's list
/// names goes, and a removal killed half-way is finished by the next run.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ArtifactSetRemovalTests : IDisposable
{
    private readonly TempDirectory _dir = new("cid-set");

    public void Dispose()
    {
        _dir.Dispose();
    }

    [Fact]
    public void Removing_a_set_deletes_the_listed_files_their_empty_folders_the_list_and_the_lock_and_nothing_else()
    {
        var folder = Path.Combine(_dir.Path, "remove");
        ArtifactWriter.Write(folder, Set("a", withManifest: true), new DiagnosticBag());
        File.WriteAllText(Path.Combine(folder, "README.txt"), "the user's");
        var unlisted = Path.Combine(folder, "containerd", "certs.d", "mine", "hosts.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(unlisted)!);
        File.WriteAllText(unlisted, "the user's");

        var written = ArtifactWriter.RemoveSet(folder, new DiagnosticBag());

        Assert.NotNull(written);
        Assert.Empty(written!);
        Assert.Equal(
            new[] { "README.txt", "containerd/certs.d/mine/hosts.toml" }.Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => SetList.Relative(folder, f)).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(folder, "k8s")));
        Assert.False(Directory.Exists(Path.Combine(folder, "containerd", "certs.d", "r_5000_")));
    }

    [Fact]
    public void Removing_the_only_set_of_a_folder_removes_its_lock_and_the_folder()
    {
        var folder = Path.Combine(_dir.Path, "remove-all");
        ArtifactWriter.Write(folder, Set("a", withManifest: true), new DiagnosticBag());

        var written = ArtifactWriter.RemoveSet(folder, new DiagnosticBag());

        Assert.Empty(written!);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_removal_killed_after_its_commit_is_completed_by_the_next_run()
    {
        var folder = Path.Combine(_dir.Path, "remove-killed");
        ArtifactWriter.Write(folder, Set("a", withManifest: true), new DiagnosticBag());
        Assert.Throws<SimulatedKill>(() => ArtifactWriter.RemoveSet(folder, new DiagnosticBag(), KilledAt(folder, "prune")));

        Assert.True(ArtifactWriter.Repair(folder, new DiagnosticBag()));

        Assert.Equal(new[] { SetBookkeeping.LockFileName }, Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Removing_from_a_folder_that_holds_no_set_neither_creates_nor_touches_it()
    {
        var missing = Path.Combine(_dir.Path, "never-generated");
        var users = Path.Combine(_dir.Path, "users-own");
        Directory.CreateDirectory(Path.Combine(users, "k8s"));
        File.WriteAllText(Path.Combine(users, "k8s", "app.yaml"), "the user's");

        Assert.Empty(ArtifactWriter.RemoveSet(missing, new DiagnosticBag())!);
        Assert.Empty(ArtifactWriter.RemoveSet(users, new DiagnosticBag())!);

        Assert.False(Directory.Exists(missing));
        Assert.Equal(new[] { "k8s/app.yaml" }, Directory.EnumerateFiles(users, "*", SearchOption.AllDirectories).Select(f => SetList.Relative(users, f)));
    }

    [Fact]
    public void Adding_files_to_a_folder_prunes_nothing_and_records_no_list()
    {
        var folder = Path.Combine(_dir.Path, "add");
        ArtifactWriter.Write(folder, new[] { new ArtifactFile("a.yaml", Encoding.UTF8.GetBytes("a")) }, new DiagnosticBag(), ownsFolder: false);
        ArtifactWriter.Write(folder, new[] { new ArtifactFile("b.yaml", Encoding.UTF8.GetBytes("b")) }, new DiagnosticBag(), ownsFolder: false);

        Assert.True(File.Exists(Path.Combine(folder, "a.yaml")));
        Assert.True(File.Exists(Path.Combine(folder, "b.yaml")));
        Assert.False(File.Exists(Path.Combine(folder, SetBookkeeping.ListFileName)));
    }

    [Fact]
    public void Adding_files_removes_stale_temporary_files_only_at_the_top_of_the_users_folder()
    {
        var folder = Path.Combine(_dir.Path, "users");
        var nested = Path.Combine(folder, "project", "cache.0123456789abcdef0123456789abcdef.tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(nested)!);
        File.WriteAllText(nested, "someone else's");
        File.WriteAllText(Path.Combine(folder, "app.yaml.0123456789abcdef0123456789abcdef.tmp"), "a killed annotate");

        ArtifactWriter.Write(folder, new[] { new ArtifactFile("app.yaml", Encoding.UTF8.GetBytes("a")) }, new DiagnosticBag(), ownsFolder: false);

        Assert.True(File.Exists(nested));
        Assert.False(File.Exists(Path.Combine(folder, "app.yaml.0123456789abcdef0123456789abcdef.tmp")));
    }
}
