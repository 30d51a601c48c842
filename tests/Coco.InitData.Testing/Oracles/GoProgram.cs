namespace Coco.InitData.Testing;

/// <summary>Builds a Go oracle under scripts/ with the Debian golang-go toolchain: no module, no network, a shared build cache.</summary>
public static class GoProgram
{
    /// <summary>Why Go programs cannot be built here (the go command, probed by running it once), or null.</summary>
    public static string? SkipReason => RealTools.MissingReason("go");

    /// <summary>Compiles <paramref name="script"/> to a binary named after <paramref name="binaryName"/> and this process; fails the test if go cannot.</summary>
    /// <param name="script">The .go file under scripts/.</param>
    /// <param name="binaryName">The binary's name in the temp folder, before the process id.</param>
    /// <param name="oracle">What the program is, for the failure message.</param>
    public static string Build(string script, string binaryName, string oracle)
    {
        var output = Path.Combine(Path.GetTempPath(), binaryName + "-" + Environment.ProcessId);
        var environment = new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOFLAGS"] = string.Empty,
            ["GOCACHE"] = Path.Combine(Path.GetTempPath(), "cid-go-cache"),
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? Path.GetTempPath(),
        };
        var go = RealTools.Find("go") ?? throw new Xunit.Sdk.XunitException($"the {oracle} cannot be built: {SkipReason}");
        var result = ProcessRunner.Run(go, new[] { "build", "-o", output, RepositoryPaths.Script(script) }, Path.GetTempPath(), environment, TimeSpan.FromMinutes(3));
        Xunit.Assert.True(result.ExitCode == 0, $"go build of the {oracle} failed (install golang-go, as .ci/run does):\n" + result.Output);
        return output;
    }
}
