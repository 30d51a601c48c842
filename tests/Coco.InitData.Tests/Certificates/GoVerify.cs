namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// The independent oracle for the node (go) profile: scripts/goverify.go, compiled once per test run with the
/// Debian golang-go toolchain, calls crypto/x509's Verify as containerd does.
/// </summary>
internal static class GoVerify
{
    private static readonly Lazy<string> Binary = new(() => GoProgram.Build("goverify.go", "cid-goverify", "Go oracle"));

    /// <summary>Why the Go oracle cannot run here (no go on PATH that runs), in one line, or null.</summary>
    public static string? SkipReason => GoProgram.SkipReason;

    /// <summary>True when a `go` command on PATH runs.</summary>
    public static bool IsAvailable => SkipReason is null;

    /// <summary>Runs the Go verifier on the case's chain; returns (accepted, Go's error text).</summary>
    public static (bool Accepted, string Output) Run(CertificateCase c) => Run(OracleInput.Of(c, "go"));

    /// <summary>Runs the Go verifier on the files; an empty host is not checked.</summary>
    public static (bool Accepted, string Output) Run(OracleInput input) => Run(input.Arguments);

    /// <summary>Verifies a self-signed root as its own leaf (no host, serverAuth) at <paramref name="at"/>: what Go thinks of it as a root.</summary>
    public static (bool Accepted, string Output) VerifyRoot(string rootPem, DateTimeOffset at) =>
        Run(new[] { rootPem, "-", rootPem, string.Empty, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static (bool Accepted, string Output) Run(string[] arguments)
    {
        var result = ProcessRunner.Run(Binary.Value, arguments, Path.GetTempPath(), timeout: TimeSpan.FromSeconds(30));
        return (result.ExitCode == 0, result.Output);
    }
}
