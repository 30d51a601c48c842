using System.Text;
using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Artifacts;

/// <summary>
/// Nothing is written, renamed, read or deleted outside the output folder, whatever shape the folder has: links, FIFOs,
/// folders and forged bookkeeping at every name the writer reads or writes. The invariant is checked on a sibling
/// victim folder (the target of every planted link) by a snapshot taken before and after each run, and no run may
/// hang (a FIFO opened for reading blocks until someone writes).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class OutputContainmentTests : IDisposable
{
    // Every name a set of ours reads or writes, from the lock to a node-side file and a temporary name.
    private static readonly string[] Names =
    [
        SetBookkeeping.LockFileName, SetBookkeeping.JournalFileName, SetBookkeeping.ListFileName,
        "initdata.toml", "k8s", "k8s/app.yaml", "containerd", "containerd/certs.d", "containerd/certs.d/reg_5000_",
        "containerd/certs.d/reg_5000_/hosts.toml", "containerd/certs.d/stray", "containerd/certs.d/reg_5000_/old.crt",
        "initdata.toml.0123456789abcdef0123456789abcdef.tmp",
    ];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _dir = new("cid-contain");

    public static TheoryData<string, HostileShape> Layouts()
    {
        var data = new TheoryData<string, HostileShape>();
        foreach (var name in Names)
        {
            foreach (var shape in Enum.GetValues<HostileShape>())
            {
                data.Add(name, shape);
            }
        }

        return data;
    }

    public void Dispose() => _dir.Dispose();

    [SkippableTheory]
    [MemberData(nameof(Layouts))]
    public void No_writer_run_changes_anything_outside_the_folder_whatever_is_planted_at_a_name(string name, HostileShape shape)
    {
        Skip.If(OperatingSystem.IsWindows(), "links and FIFOs as planted here are Unix entries");
        foreach (var (operation, run) in Operations())
        {
            var (folder, victim) = Fresh(operation);
            HostileEntry.Plant(Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar)), shape, victim);
            var before = FolderSnapshot.Of(victim);

            var diagnostics = RunWithin(() => run(folder), $"{operation} with {shape} at {name}");

            var after = FolderSnapshot.Of(victim);
            Assert.True(before.Equals(after), $"{operation} with {shape} at {name} changed the victim: {before.Difference(after)}");
            Assert.All(diagnostics.Items.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.Matches("^CID3(003|070|073|074)$", d.Code));
        }
    }

    [SkippableTheory]
    [InlineData("../victim/secret.txt")]
    [InlineData("k8s/../../victim/secret.txt")]
    [InlineData("linked/secret.txt")]
    [InlineData("containerd/certs.d/linked/secret.txt")]
    public void A_forged_list_never_makes_a_write_a_removal_or_a_read_of_the_set_reach_outside(string entry)
    {
        Skip.If(OperatingSystem.IsWindows(), "links as planted here are Unix entries");
        foreach (var (operation, run) in Operations().Append(("listed", ListedOutside)))
        {
            var (folder, victim) = Fresh(operation);
            Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), victim);
            Directory.CreateDirectory(Path.Combine(folder, "containerd", "certs.d"));
            Directory.CreateSymbolicLink(Path.Combine(folder, "containerd", "certs.d", "linked"), victim);
            var absolute = Path.Combine(victim, "secret.txt");
            File.WriteAllText(Path.Combine(folder, SetBookkeeping.ListFileName), $"initdata.toml\n{entry}\n{absolute}\n");
            var before = FolderSnapshot.Of(victim);

            RunWithin(() => run(folder), $"{operation} with list entry {entry}");

            Assert.True(before.Equals(FolderSnapshot.Of(victim)), $"{operation} with list entry {entry}: {before.Difference(FolderSnapshot.Of(victim))}");
        }
    }

    [SkippableTheory]
    [InlineData("move\t../victim/secret.txt.0123456789abcdef0123456789abcdef.tmp\tstolen.txt")]
    [InlineData("move\tplanted.txt.0123456789abcdef0123456789abcdef.tmp\t../victim/authorized_keys")]
    [InlineData("move\tlinked/authorized_keys.0123456789abcdef0123456789abcdef.tmp\tlinked/authorized_keys")]
    [InlineData("move\tplanted.txt.0123456789abcdef0123456789abcdef.tmp\tlinked/authorized_keys")]
    [InlineData("own\nkeep\tinitdata.toml\nprune\tlinked/secret.txt")]
    [InlineData("own\nkeep\tinitdata.toml\nprune\t../victim/secret.txt")]
    public void A_forged_journal_is_carried_out_only_inside_the_folder(string journal)
    {
        Skip.If(OperatingSystem.IsWindows(), "links as planted here are Unix entries");
        foreach (var (operation, run) in Operations())
        {
            var (folder, victim) = Fresh(operation);
            Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), victim);
            File.WriteAllText(Path.Combine(folder, "planted.txt.0123456789abcdef0123456789abcdef.tmp"), "ssh-ed25519 AAAA attacker");
            File.WriteAllText(Path.Combine(victim, "secret.txt.0123456789abcdef0123456789abcdef.tmp"), "the victim's");
            File.WriteAllText(Path.Combine(folder, SetBookkeeping.JournalFileName), journal.Replace("\\n", "\n", StringComparison.Ordinal) + "\n");
            var before = FolderSnapshot.Of(victim);

            RunWithin(() => run(folder), $"{operation} with journal {journal}");

            Assert.True(before.Equals(FolderSnapshot.Of(victim)), $"{operation} with journal {journal}: {before.Difference(FolderSnapshot.Of(victim))}");
        }
    }

    [SkippableFact]
    public void A_link_at_a_set_file_or_below_is_refused_with_CID3073_naming_the_link_and_nothing_is_written()
    {
        Skip.If(OperatingSystem.IsWindows(), "links as planted here are Unix entries");
        var (folder, victim) = Fresh("write");
        var link = Path.Combine(folder, "containerd");
        HostileEntry.Plant(link, HostileShape.LinkToOutsideFolder, victim);
        var before = File.ReadAllText(Path.Combine(folder, "initdata.toml"));
        var victimBefore = FolderSnapshot.Of(victim);
        var diagnostics = new DiagnosticBag();

        var written = ArtifactWriter.Write(folder, Set("second"), diagnostics);

        Assert.Null(written);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CID3073", error.Code);
        Assert.Contains(link, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder, "initdata.toml")));
        Assert.True(victimBefore.Equals(FolderSnapshot.Of(victim)));
    }

    [SkippableTheory]
    [InlineData(HostileShape.Fifo, "CID3074")]
    [InlineData(HostileShape.Folder, "CID3074")]
    [InlineData(HostileShape.LinkToOutsideFile, "CID3073")]
    [InlineData(HostileShape.DanglingLinkOutside, "CID3073")]
    public void A_single_file_output_that_is_not_a_regular_file_is_refused_and_left_as_it_was(HostileShape shape, string code)
    {
        Skip.If(OperatingSystem.IsWindows(), "links and FIFOs as planted here are Unix entries");
        var (folder, victim) = Fresh("single");
        var target = Path.Combine(folder, "decoded.toml");
        HostileEntry.Plant(target, shape, victim);
        var beforeVictim = FolderSnapshot.Of(victim);
        var beforeFolder = FolderSnapshot.Of(folder);
        var diagnostics = new DiagnosticBag();

        var written = RunWithin(() => AtomicFile.Write(target, "x = 1\n"u8.ToArray(), diagnostics), "WriteFile");

        Assert.False(written);
        Assert.Equal(code, Assert.Single(diagnostics.Items).Code);
        Assert.True(beforeVictim.Equals(FolderSnapshot.Of(victim)));
        Assert.True(beforeFolder.Equals(FolderSnapshot.Of(folder)), beforeFolder.Difference(FolderSnapshot.Of(folder)));
    }

    [SkippableFact]
    public void A_device_node_as_a_single_file_output_is_never_replaced()
    {
        Skip.If(OperatingSystem.IsWindows(), "device nodes are Unix entries");
        var device = Path.Combine(_dir.Path, "null-device");
        Skip.IfNot(HostileEntry.TryMakeCharacterDevice(device, 1, 3), "mknod needs root (CAP_MKNOD)");
        var diagnostics = new DiagnosticBag();

        Assert.False(AtomicFile.Write(device, "x = 1\n"u8.ToArray(), diagnostics));

        Assert.Equal("CID3074", Assert.Single(diagnostics.Items).Code);
        Assert.Equal(InputPathKind.Special, PathKinds.OfEntry(device));
    }

    [SkippableFact]
    public void A_read_only_file_system_is_CID3003_at_once_not_a_two_minute_wait_for_another_writer()
    {
        var mount = Path.Combine(_dir.Path, "read-only");
        Directory.CreateDirectory(mount);
        var mounted = Environment.UserName == "root" && ProcessRunner.Run("mount", ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", mount]).ExitCode == 0;
        Skip.IfNot(mounted, "needs root and a read-only tmpfs mount (mount -t tmpfs -o ro)");
        try
        {
            var diagnostics = new DiagnosticBag();
            var started = DateTime.UtcNow;

            var written = ArtifactWriter.Write(mount, Set("a"), diagnostics);

            Assert.Null(written);
            Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(30));
            var error = Assert.Single(diagnostics.Items);
            Assert.Equal("CID3075", error.Code);
            Assert.Contains("Read-only", error.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            ProcessRunner.Run("umount", [mount]);
        }
    }

    // Each way a run acts on a folder: a generation (the build and generate -o), annotate -o (a folder of the user's),
    // the removal of a set (nothing declared, a moved folder, clean), a repair, and the read publish and clean rely on.
    private static IEnumerable<(string Name, Func<string, DiagnosticBag> Run)> Operations() =>
    [
        ("write", folder => Do(d => ArtifactWriter.Write(folder, Set("second"), d))),
        ("annotate", folder => Do(d => ArtifactWriter.Write(folder, [new ArtifactFile("app.yaml", "kind: Pod\n"u8.ToArray())], d, ownsFolder: false))),
        ("remove", folder => Do(d => ArtifactWriter.RemoveSet(folder, d))),
        ("repair", folder => Do(d => ArtifactWriter.Repair(folder, d))),
        ("listed", folder => Do(d => SetList.ListedFiles(folder, d))),
    ];

    // What publish would copy and clean would delete: nothing outside, whatever the list says.
    private static DiagnosticBag ListedOutside(string folder)
    {
        var diagnostics = new DiagnosticBag();
        var listed = SetList.ListedFiles(folder, diagnostics) ?? [];
        Assert.All(listed, f => Assert.True(ContainedPath.IsBelow(folder, f) && ContainedPath.FirstObstacle(folder, f, InputPathKind.RegularFile) is null, f));
        return diagnostics;
    }

    private static DiagnosticBag Do(Action<DiagnosticBag> run)
    {
        var diagnostics = new DiagnosticBag();
        run(diagnostics);
        return diagnostics;
    }

    private static T RunWithin<T>(Func<T> run, string what)
    {
        var task = Task.Run(run);
        Assert.True(task.Wait(Patience), $"{what} did not finish within {Patience.TotalSeconds} s (blocked on a FIFO?)");
        return task.Result;
    }

    private static IReadOnlyList<ArtifactFile> Set(string generation) =>
    [
        new ArtifactFile("initdata.toml", Encoding.UTF8.GetBytes($"version = \"{generation}\"\n")),
        new ArtifactFile("k8s/app.yaml", Encoding.UTF8.GetBytes($"# {generation}\n")),
        new ArtifactFile("containerd/certs.d/reg_5000_/hosts.toml", Encoding.UTF8.GetBytes($"# {generation}\n")),
    ];

    // A folder holding a complete first set, and a victim folder beside it with a file and a subfolder.
    private (string Folder, string Victim) Fresh(string operation)
    {
        var root = Path.Combine(_dir.Path, operation + "-" + Guid.NewGuid().ToString("N")[..8]);
        var folder = Path.Combine(root, "initdata");
        var victim = Path.Combine(root, "victim");
        Directory.CreateDirectory(Path.Combine(victim, "sub"));
        File.WriteAllText(Path.Combine(victim, "secret.txt"), "the victim's secret");
        File.WriteAllText(Path.Combine(victim, "known_hosts"), "the victim's hosts");
        File.WriteAllText(Path.Combine(victim, "sub", "inner.txt"), "the victim's inner file");
        Assert.NotNull(ArtifactWriter.Write(folder, Set("first"), new DiagnosticBag()));
        return (folder, victim);
    }
}
