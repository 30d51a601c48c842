using System.Diagnostics;
using System.Text;
using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Artifacts;

/// <summary>The artifact set switches at once, one writer at a time, nothing torn or left behind.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ArtifactSetTests : IDisposable
{
    private readonly TempDirectory _dir = new("cid-set");

    public void Dispose()
    {
        _dir.Dispose();
    }

    [Fact]
    public void A_kill_at_any_step_leaves_the_old_or_the_new_set_once_the_next_run_has_repaired_it()
    {
        var steps = new List<string>();
        var probe = Path.Combine(_dir.Path, "probe");
        ArtifactWriter.Write(probe, Set("a", withManifest: true), new DiagnosticBag());
        ArtifactWriter.Write(probe, Set("b", withManifest: false), new DiagnosticBag(), bookkeeping: SetBookkeeping.InOutputFolder(probe) with { AtStep = steps.Add });
        Assert.Contains("commit", steps);
        Assert.Contains(steps, s => s.StartsWith("rename:", StringComparison.Ordinal));

        var tornBeforeRepair = 0;
        foreach (var step in steps)
        {
            var folder = Path.Combine(_dir.Path, "kill-" + steps.IndexOf(step));
            ArtifactWriter.Write(folder, Set("a", withManifest: true), new DiagnosticBag());
            Assert.Throws<SimulatedKill>(() => ArtifactWriter.Write(folder, Set("b", withManifest: false), new DiagnosticBag(), bookkeeping: KilledAt(folder, step)));
            tornBeforeRepair += SetOf(folder) is null ? 1 : 0;

            var repair = new DiagnosticBag();
            Assert.True(ArtifactWriter.Repair(folder, repair));

            var committed = steps.IndexOf(step) > steps.IndexOf("commit");
            Assert.Equal(committed ? "b" : "a", SetOf(folder));
            Assert.Empty(Temporaries(folder));
            Assert.Equal(committed ? 0 : 1, Directory.Exists(Path.Combine(folder, "k8s")) ? 1 : 0);
            Assert.Equal(
                (committed ? Set("b", false) : Set("a", true)).Select(f => f.RelativePath).Order(),
                File.ReadAllLines(Path.Combine(folder, SetBookkeeping.ListFileName)).Order());
        }

        // The renames are the only steps where a reader can see a mixed set before the next run repairs it.
        Assert.InRange(tornBeforeRepair, 0, steps.Count(s => s.StartsWith("rename:", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_failure_while_staging_such_as_a_full_disk_changes_nothing_and_leaves_no_temporary_file()
    {
        var folder = Path.Combine(_dir.Path, "out");
        ArtifactWriter.Write(folder, Set("a", withManifest: true), new DiagnosticBag());
        var fullAtStaging = SetBookkeeping.InOutputFolder(folder) with
        {
            AtStep = s =>
            {
                if (s == "stage:initdata.json")
                {
                    throw new IOException("No space left on device");
                }
            },
        };

        var diagnostics = new DiagnosticBag();
        var written = ArtifactWriter.Write(folder, Set("b", withManifest: false), diagnostics, bookkeeping: fullAtStaging);

        Assert.Null(written);
        Assert.Equal("CID3075", Assert.Single(diagnostics.Items).Code);
        Assert.Equal("a", SetOf(folder));
        Assert.Empty(Temporaries(folder));
    }

    [SkippableFact]
    public void A_really_full_disk_keeps_the_previous_set_and_decode_style_single_files()
    {
        var mount = Path.Combine(_dir.Path, "tiny");
        Directory.CreateDirectory(mount);
        var mounted = Environment.UserName == "root" && Run("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", mount) == 0;
        Skip.IfNot(mounted, "needs root and a tmpfs mount (mount -t tmpfs); the fault-injected test covers the logic");
        try
        {
            var folder = Path.Combine(mount, "initdata");
            Assert.NotNull(ArtifactWriter.Write(folder, Set("a", withManifest: true), new DiagnosticBag()));
            var single = Path.Combine(mount, "decoded.toml");
            Assert.True(AtomicFile.Write(single, Encoding.UTF8.GetBytes("old\n"), new DiagnosticBag()));
            FillDisk(mount);

            var diagnostics = new DiagnosticBag();
            var written = ArtifactWriter.Write(folder, Set("b", withManifest: false, padding: 64 * 1024), diagnostics);
            var singleDiagnostics = new DiagnosticBag();
            var singleWritten = AtomicFile.Write(single, new byte[64 * 1024], singleDiagnostics);

            Assert.Null(written);
            Assert.Contains(diagnostics.Items, d => d.Code == "CID3075" && d.Message.Contains("No space left", StringComparison.Ordinal));
            Assert.Equal("a", SetOf(folder));
            Assert.Empty(Temporaries(mount));
            Assert.False(singleWritten);
            Assert.Equal("CID3075", Assert.Single(singleDiagnostics.Items).Code);
            Assert.Equal("old\n", File.ReadAllText(single));
        }
        finally
        {
            Run("umount", mount);
        }
    }

    [Fact]
    public void Parallel_writers_into_one_folder_all_succeed_one_at_a_time_and_leave_one_whole_set()
    {
        var folder = Path.Combine(_dir.Path, "shared");
        var failures = new List<Diagnostic>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, writer =>
        {
            for (var round = 0; round < 10; round++)
            {
                var diagnostics = new DiagnosticBag();
                if (ArtifactWriter.Write(folder, Set("w" + writer + "r" + round, withManifest: round % 2 == 0), diagnostics) is null)
                {
                    lock (failures)
                    {
                        failures.AddRange(diagnostics.Items);
                    }
                }
            }
        });

        Assert.Empty(failures);
        Assert.NotNull(SetOf(folder));
        Assert.Empty(Temporaries(folder));
    }

    [Fact]
    public void A_writer_that_cannot_get_the_lock_in_time_reports_CID3070_and_changes_nothing()
    {
        var folder = Path.Combine(_dir.Path, "locked");
        ArtifactWriter.Write(folder, Set("a", withManifest: false), new DiagnosticBag());
        var impatient = SetBookkeeping.InOutputFolder(folder) with { LockTimeout = TimeSpan.FromMilliseconds(300) };
        using var holder = new FileStream(Path.Combine(folder, SetBookkeeping.LockFileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var diagnostics = new DiagnosticBag();

        Assert.Null(ArtifactWriter.Write(folder, Set("b", withManifest: false), diagnostics, bookkeeping: impatient));
        Assert.Equal("CID3070", Assert.Single(diagnostics.Items).Code);
        Assert.Equal("a", SetOf(folder));
    }

    [Fact]
    public void Stale_temporary_files_of_killed_runs_are_removed_and_the_users_own_files_stay()
    {
        var folder = Path.Combine(_dir.Path, "stale");
        Directory.CreateDirectory(Path.Combine(folder, "k8s"));
        for (var i = 0; i < 50; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"initdata.toml.{i:x32}.tmp"), "half");
        }

        File.WriteAllText(Path.Combine(folder, "k8s", "app.yaml." + Guid.NewGuid().ToString("N") + ".tmp"), "half");
        File.WriteAllText(Path.Combine(folder, "notes.tmp"), "mine");
        var diagnostics = new DiagnosticBag();

        ArtifactWriter.Write(folder, Set("a", withManifest: false), diagnostics);

        Assert.Empty(Temporaries(folder));
        Assert.True(File.Exists(Path.Combine(folder, "notes.tmp")));
        Assert.Contains(diagnostics.Items, d => d.Code == "CID3072" && d.Message.Contains("(51 in all)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_the_previous_set_had_is_pruned_with_its_empty_folder_and_other_files_stay()
    {
        var folder = Path.Combine(_dir.Path, "prune");
        ArtifactWriter.Write(folder, Set("a", withManifest: true), new DiagnosticBag());
        File.WriteAllText(Path.Combine(folder, "README.txt"), "the user's");

        var written = ArtifactWriter.Write(folder, Set("b", withManifest: false), new DiagnosticBag());

        Assert.NotNull(written);
        Assert.False(Directory.Exists(Path.Combine(folder, "k8s")));
        Assert.True(File.Exists(Path.Combine(folder, "README.txt")));
        Assert.Equal(written!.Order(), SetList.ListedFiles(folder, new DiagnosticBag())!.Order());
    }

    [Fact]
    public void A_hostile_list_never_makes_the_writer_delete_outside_its_folder()
    {
        var folder = Path.Combine(_dir.Path, "hostile");
        var outside = Path.Combine(_dir.Path, "victim.txt");
        File.WriteAllText(outside, "keep");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SetBookkeeping.ListFileName), "../victim.txt\n" + outside + "\n");

        Assert.NotNull(ArtifactWriter.Write(folder, Set("a", withManifest: false), new DiagnosticBag()));

        Assert.True(File.Exists(outside));
    }

    // The writer stops at that step as a killed process would: nothing after it runs.
    internal static SetBookkeeping KilledAt(string folder, string step) => SetBookkeeping.InOutputFolder(folder) with
    {
        AtStep = s =>
        {
            if (s == step)
            {
                throw new SimulatedKill();
            }
        },
    };

    // One set: each file names the set, so a mixed folder shows.
    internal static List<ArtifactFile> Set(string name, bool withManifest, int padding = 0)
    {
        var files = new List<ArtifactFile>
        {
            new("initdata.toml", Encoding.UTF8.GetBytes("set=" + name + "\n" + new string('#', padding))),
            new("initdata.annotation", Encoding.UTF8.GetBytes("set=" + name)),
            new("initdata.json", Encoding.UTF8.GetBytes("set=" + name)),
            new("containerd/certs.d/r_5000_/hosts.toml", Encoding.UTF8.GetBytes("set=" + name)),
        };
        if (withManifest)
        {
            files.Add(new ArtifactFile("k8s/app.yaml", Encoding.UTF8.GetBytes("set=" + name)));
        }

        return files;
    }

    // The set name every main file agrees on, or null for a torn (mixed) set.
    internal static string? SetOf(string folder)
    {
        var names = new[] { "initdata.toml", "initdata.annotation", "initdata.json", "containerd/certs.d/r_5000_/hosts.toml" }
            .Select(f => File.ReadAllText(Path.Combine(folder, f)).Split('\n')[0])
            .Distinct()
            .ToList();
        return names.Count == 1 ? names[0]["set=".Length..] : null;
    }

    internal static List<string> Temporaries(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".tmp", StringComparison.Ordinal) && !f.EndsWith("notes.tmp", StringComparison.Ordinal)).ToList();

    private static void FillDisk(string mount)
    {
        using var filler = new FileStream(Path.Combine(mount, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static int Run(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    internal sealed class SimulatedKill : Exception
    {
    }
}
