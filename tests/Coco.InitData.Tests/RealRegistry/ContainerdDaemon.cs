namespace Coco.InitData.Tests.RealRegistry;

/// <summary>
/// A private containerd (root, state and socket in a temp folder, the CRI plugin off) so that `ctr images pull
/// --hosts-dir` can show the node-side files work. ctr cannot pull without a daemon, and containerd needs root.
/// </summary>
public sealed class ContainerdDaemon : IDisposable
{
    private readonly TempDirectory _directory = new("cid-ctd");
    private readonly BackgroundProcess _process;

    public ContainerdDaemon()
    {
        Socket = Path.Combine(_directory.Path, "c.sock");
        var config = _directory.Write("config.toml", $"""
            version = 2
            root = "{Path.Combine(_directory.Path, "root")}"
            state = "{Path.Combine(_directory.Path, "state")}"
            disabled_plugins = ["io.containerd.grpc.v1.cri"]
            [grpc]
              address = "{Socket}"
            [ttrpc]
              address = "{Path.Combine(_directory.Path, "t.sock")}"
            """);
        _process = new BackgroundProcess(RealTools.Find("containerd")!, new[] { "--config", config }, _directory.Path);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && _process.IsRunning)
        {
            if (File.Exists(Socket) && Ctr("version").ExitCode == 0)
            {
                return;
            }

            Thread.Sleep(200);
        }

        var output = _process.Output;
        Dispose();
        throw new InvalidOperationException("containerd did not start: " + output);
    }

    public string Socket { get; }

    /// <summary>Why a private containerd cannot run here, or null.</summary>
    public static string? SkipReason() =>
        RealTools.MissingReason("containerd", "ctr")
        ?? (Environment.IsPrivilegedProcess ? null : "containerd needs root to start a private daemon (ctr cannot pull without one)");

    public ProcessResult Ctr(params string[] arguments) =>
        ProcessRunner.Run(RealTools.Find("ctr")!, new[] { "--address", Socket }.Concat(arguments), _directory.Path, timeout: TimeSpan.FromMinutes(2));

    /// <summary>Pulls with the given hosts folder, then reads the digest containerd recorded for the reference.</summary>
    public (ProcessResult Pull, string? Digest) Pull(string reference, string hostsDirectory)
    {
        var pull = Ctr("images", "pull", "--snapshotter", "native", "--hosts-dir", hostsDirectory, reference);
        if (pull.ExitCode != 0)
        {
            return (pull, null);
        }

        var list = Ctr("images", "ls");
        var line = list.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith(reference + " ", StringComparison.Ordinal));
        var digest = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(p => p.StartsWith("sha256:", StringComparison.Ordinal));
        Ctr("images", "rm", "--sync", reference);
        return (pull, digest);
    }

    public void Dispose()
    {
        _process.Dispose();
        _directory.Dispose();
    }
}
