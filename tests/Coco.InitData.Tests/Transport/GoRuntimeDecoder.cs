namespace Coco.InitData.Tests.Transport;

/// <summary>
/// The oracle for the Go kata runtime's annotation decoding: scripts/kata_go_decode.go makes the same standard
/// library calls as kata-containers 3.32.0 src/runtime/pkg/oci/utils.go (base64.NewDecoder(StdEncoding) into
/// gzip.NewReader and io.ReadAll), compiled once per run with the Debian golang-go toolchain.
/// </summary>
public static class GoRuntimeDecoder
{
    private static readonly Lazy<string> Binary = new(() => GoProgram.Build("kata_go_decode.go", "cid-kata-go-decode", "Go runtime oracle"));

    /// <summary>Why the oracle cannot run here, or null.</summary>
    public static string? SkipReason => Certificates.GoVerify.IsAvailable ? null : "needs go on PATH (Debian: apt-get install golang-go; .ci/run installs it)";

    /// <summary>The bytes the Go runtime reads from the value, or null and its error.</summary>
    public static (byte[]? Document, string Error) Decode(string value)
    {
        var result = ProcessRunner.Run(Binary.Value, Array.Empty<string>(), Path.GetTempPath(), timeout: TimeSpan.FromSeconds(30), standardInput: value);
        return result.ExitCode == 0 ? (Convert.FromHexString(result.StandardOutput.Trim()), string.Empty) : (null, result.StandardError.Trim());
    }
}
