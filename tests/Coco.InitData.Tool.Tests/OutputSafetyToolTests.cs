using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// The tool's outputs and the paths it reads, under hostile shapes: a special file is never replaced or opened, a link
/// below an output folder is never written through, and nothing outside the folder changes.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class OutputSafetyToolTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private static readonly TimeSpan NeverBlocks = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> NoColor = new() { ["NO_COLOR"] = "1" };

    [SkippableFact]
    public void Decode_onto_a_fifo_is_refused_with_CID3074_and_the_fifo_stays()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are Unix entries");
        var fifo = Path.Combine(Folder.Path, "out.toml");
        HostileEntry.MakeFifo(fifo);

        var result = Run("decode", RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"), "-o", fifo);

        Assert.True(result.ExitCode != 0, result.Output);
        Assert.Contains("error CID3074: '" + fifo + "' is a FIFO, socket or device", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(InputPathKind.Special, PathKinds.OfEntry(fifo));
    }

    [SkippableFact]
    public void Decode_onto_a_device_node_never_replaces_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "device nodes are Unix entries");
        // A null device of the test's own: replacing it is what a decode -o /dev/null as root did to the machine's.
        var device = Path.Combine(Folder.Path, "null");
        Skip.IfNot(HostileEntry.TryMakeCharacterDevice(device, 1, 3), "mknod needs root (CAP_MKNOD)");

        var result = Run("decode", RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"), "-o", device);

        Assert.True(result.ExitCode != 0, result.Output);
        Assert.Contains("error CID3074:", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(InputPathKind.Special, PathKinds.OfEntry(device));
        Assert.DoesNotContain("Unhandled", result.Output, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("fifo")]
    [InlineData("zero-device")]
    public void An_expected_digest_file_that_is_a_fifo_or_an_endless_device_is_refused_at_once(string shape)
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs and device nodes are Unix entries");
        var path = Path.Combine(Folder.Path, "initdata.json");
        if (shape == "fifo")
        {
            HostileEntry.MakeFifo(path);
        }
        else
        {
            Skip.IfNot(HostileEntry.TryMakeCharacterDevice(path, 1, 5), "mknod needs root (CAP_MKNOD)");
        }

        var result = Run("verify", Path.Combine(RepositoryPaths.Root, "samples", "ci", "k8s", "workload.yaml"), "--expect-digest", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FIFO, socket or device", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("OutOfMemory", result.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Generate_into_a_folder_whose_node_side_folder_is_a_link_writes_nothing_through_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "links as planted here are Unix entries");
        var (victim, output, before) = OutputWithALinkToAVictim("victim", "secret.txt", "the victim's", "containerd");

        var result = Run("generate", "--insecure-registry", "registry.example.internal:5000", "--kbc-name", "offline_fs_kbc", "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID3073: '" + Path.Combine(output, "containerd") + "' is a symbolic link", result.StandardError, StringComparison.Ordinal);
        AssertUnchanged(victim, before);
        Assert.False(File.Exists(Path.Combine(output, "initdata.toml")));
    }

    [SkippableFact]
    public void Annotate_into_a_folder_with_a_forged_journal_and_a_link_changes_nothing_outside_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "links as planted here are Unix entries");
        var (victim, output, before) = OutputWithALinkToAVictim("home-ssh", "known_hosts", "the victim's hosts", "ssh");
        const string Run32 = "0123456789abcdef0123456789abcdef";
        File.WriteAllText(Path.Combine(output, $"authorized_keys.{Run32}.tmp"), "ssh-ed25519 AAAA attacker");
        File.WriteAllText(Path.Combine(output, ".coco-initdata.journal"), $"move\tauthorized_keys.{Run32}.tmp\tssh/authorized_keys\nown\nkeep\tapp.yaml\nprune\tssh/known_hosts\n");

        var result = Run("annotate", Path.Combine(RepositoryPaths.Root, "samples", "ci", "k8s", "workload.yaml"), "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml"), "-o", output);

        AssertUnchanged(victim, before);
        Assert.DoesNotContain("Unhandled", result.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_fifo_where_the_set_list_belongs_fails_generate_at_once_instead_of_hanging()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are Unix entries");
        var output = Directory.CreateDirectory(Path.Combine(Folder.Path, "out")).FullName;
        HostileEntry.MakeFifo(Path.Combine(output, ".coco-initdata.files"));

        var result = Run("generate", "--insecure-registry", "registry.example.internal:5000", "--kbc-name", "offline_fs_kbc", "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID3074:", result.StandardError, StringComparison.Ordinal);
    }

    private static void AssertUnchanged(string folder, FolderSnapshot before) =>
        Assert.True(before.Equals(FolderSnapshot.Of(folder)), before.Difference(FolderSnapshot.Of(folder)));

    // A folder outside the output folder "out", holding one file, and a link to it planted inside "out": what the
    // tool must never write, move or remove through.
    private (string Victim, string Output, FolderSnapshot Before) OutputWithALinkToAVictim(string victimName, string file, string content, string link)
    {
        var victim = Directory.CreateDirectory(Path.Combine(Folder.Path, victimName)).FullName;
        File.WriteAllText(Path.Combine(victim, file), content);
        var output = Directory.CreateDirectory(Path.Combine(Folder.Path, "out")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(output, link), victim);
        return (victim, output, FolderSnapshot.Of(victim));
    }

    private ProcessResult Run(params string[] arguments) => ProcessRunner.Run(Tool.Executable, arguments, Folder.Path, NoColor, NeverBlocks);
}
