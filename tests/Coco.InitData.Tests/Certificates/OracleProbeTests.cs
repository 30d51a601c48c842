namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// An oracle counts as present only when it runs: a rustup proxy first on PATH with no toolchain for the user is
/// passed over for the next cargo and rustc on PATH (Debian's), and when none runs the tests get one line saying why.
/// </summary>
[Trait("Category", "EndToEnd")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OracleProbeTests
{
    // What rustup's proxy prints, with its exit code, when the user has no default toolchain (a fresh home folder).
    private const string RustupWithoutToolchain = "#!/bin/sh\necho \"error: rustup could not choose a version of cargo to run, because one wasn't specified explicitly, and no default is configured.\" >&2\necho \"Stack backtrace:\" >&2\nexit 1\n";

    [Fact]
    public void A_cargo_that_cannot_run_is_passed_over_for_the_next_cargo_and_rustc_on_path()
    {
        using var directory = new TempDirectory("cid-rustprobe");
        var rustup = Tool(directory, "rustup/cargo", RustupWithoutToolchain);
        Tool(directory, "rustup/rustc", RustupWithoutToolchain);
        var debian = Tool(directory, "debian/cargo", "#!/bin/sh\necho cargo 1.65.0\n");
        var rustc = Tool(directory, "debian/rustc", "#!/bin/sh\necho rustc 1.63.0\n");

        var (toolchain, problem) = RustToolchain.Find(new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(rustup) + ":" + Path.GetDirectoryName(debian) });

        Assert.Null(problem);
        Assert.Equal(new RustToolchain(debian, rustc), toolchain);
        Assert.Equal(rustc, toolchain!.With(new Dictionary<string, string>())["RUSTC"]);
    }

    [Fact]
    public void A_cargo_whose_rustc_cannot_run_is_no_toolchain()
    {
        using var directory = new TempDirectory("cid-rustprobe");
        var cargo = Tool(directory, "half/cargo", "#!/bin/sh\necho cargo 1.65.0\n");
        Tool(directory, "half/rustc", RustupWithoutToolchain);

        var (toolchain, problem) = RustToolchain.Find(new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(cargo)! });

        Assert.Null(toolchain);
        Assert.Contains("rustc --version exited 1: error: rustup could not choose a version", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void When_no_cargo_runs_the_reason_is_one_line_naming_each_failure()
    {
        using var directory = new TempDirectory("cid-rustprobe");
        var first = Tool(directory, "a/cargo", RustupWithoutToolchain);
        var second = Tool(directory, "b/cargo", RustupWithoutToolchain);

        var (toolchain, problem) = RustToolchain.Find(new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(first) + ":" + Path.GetDirectoryName(second) });

        Assert.Null(toolchain);
        Assert.DoesNotContain('\n', problem!);
        Assert.Equal(
            $"{first} --version exited 1: error: rustup could not choose a version of cargo to run, because one wasn't specified explicitly, and no default is configured.; "
            + $"{second} --version exited 1: error: rustup could not choose a version of cargo to run, because one wasn't specified explicitly, and no default is configured.",
            problem);
    }

    [Fact]
    public void A_program_that_is_on_path_but_does_not_run_counts_as_missing_and_the_next_one_is_used()
    {
        using var directory = new TempDirectory("cid-toolprobe");
        var shim = Tool(directory, "shim/go", "#!/bin/sh\necho 'go: no such toolchain' >&2\nexit 3\n");
        var real = Tool(directory, "real/go", "#!/bin/sh\necho go version go1.19.8\n");

        var both = ToolProbe.FirstThatRuns("go", new[] { "version" }, new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(shim) + ":" + Path.GetDirectoryName(real) });
        var broken = ToolProbe.FirstThatRuns("go", new[] { "version" }, new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(shim)! });
        var none = ToolProbe.FirstThatRuns("go", new[] { "version" }, new Dictionary<string, string> { ["PATH"] = directory.Path });

        Assert.Equal(new ToolProbe(real, null), both);
        Assert.Equal(new ToolProbe(null, $"{shim} version exited 3: go: no such toolchain"), broken);
        Assert.Equal(new ToolProbe(null, "not on PATH"), none);
    }

    [Fact]
    public void A_missing_oracle_is_named_with_its_debian_package_in_one_line()
    {
        var reason = RealTools.Describe(new[]
        {
            ("cargo", new ToolProbe(null, "/root/.cargo/bin/cargo --version exited 1: error: rustup could not choose a version of cargo to run")),
            ("ctr", new ToolProbe(null, "not on PATH")),
            ("containerd", new ToolProbe(null, "not on PATH")),
            ("openssl", new ToolProbe("/usr/bin/openssl", null)),
        });

        Assert.Equal(
            "needs cargo (/root/.cargo/bin/cargo --version exited 1: error: rustup could not choose a version of cargo to run); ctr (not on PATH); containerd (not on PATH)"
            + " (Debian: apt-get install cargo containerd; .ci/run installs them)",
            reason);
        Assert.Null(RealTools.Describe(new[] { ("openssl", new ToolProbe("/usr/bin/openssl", null)) }));
    }

    private static string Tool(TempDirectory directory, string relativePath, string script)
    {
        var path = directory.Write(relativePath, script);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
