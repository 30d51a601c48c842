using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// The independent oracle for the rustls guest profile: scripts/webpkiverify, a small Rust program over webpki 0.22
/// and ring 0.16 as Debian 12 packages them (librust-webpki-dev, librust-ring-dev). It is built offline with a cargo
/// source replacement to the Debian registry folder, once per source version (the build folder is keyed by a hash
/// of the sources, so a second test run reuses it), and never touches the network.
/// </summary>
internal static class WebpkiVerify
{
    /// <summary>Where Debian's librust-*-dev packages put crate sources.</summary>
    public const string DebianRegistry = "/usr/share/cargo/registry";

    /// <summary>The packages a machine needs for this oracle (what a skipped test names).</summary>
    public const string Packages = "Debian cargo, rustc, librust-webpki-dev, librust-ring-dev; .ci/run installs them";

    /// <summary>What the leaf key signs (HANDSHAKE_MESSAGE in main.rs).</summary>
    private const string HandshakeMessage = "coco-initdata handshake";

    private static readonly Lazy<string> Binary = new(Build);

    private static readonly string[] SourceFiles = { "Cargo.toml", Path.Combine("src", "main.rs") };

    // cargo and rustc, probed once with the rustup home the build uses (a rustup proxy without a toolchain fails here).
    private static readonly (RustToolchain? Toolchain, string? Problem) Rust = RustToolchain.Find(new Dictionary<string, string> { ["RUSTUP_HOME"] = RustupHome });

    /// <summary>Why the oracle cannot run here (crate sources missing, or no cargo and rustc that run), in one line, or null.</summary>
    public static string? SkipReason { get; } =
        !HasCrate("webpki-0.22.") || !HasCrate("ring-0.16.") ? $"the webpki 0.22 and ring 0.16 crate sources are not in {DebianRegistry} ({Packages})"
        : Rust.Problem is { } problem ? $"no cargo and rustc on PATH run here: {problem} ({Packages})"
        : null;

    /// <summary>True when the oracle can be built and run here.</summary>
    public static bool IsAvailable => SkipReason is null;

    /// <summary>Runs the webpki verifier on the case's chain.</summary>
    public static WebpkiResult Run(CertificateCase c)
    {
        var handshake = Path.Combine(c.Directory, "webpki-handshake.sig");
        File.WriteAllBytes(handshake, SignHandshake(c.Chain[0]));
        return Run(OracleInput.Of(c, "webpki").Arguments.Append(handshake).ToArray());
    }

    /// <summary>Runs the webpki verifier on the files (no handshake signature: a real chain comes without its key); an empty host is not checked.</summary>
    public static WebpkiResult Run(OracleInput input) => Run(input.Arguments);

    /// <summary>Loads <paramref name="anchorsPem"/> as rustls' root store does, and nothing else.</summary>
    public static WebpkiResult LoadAnchors(string anchorsPem) => Run(new[] { anchorsPem, "-", "-", "-", "0" });

    private static WebpkiResult Run(string[] arguments)
    {
        var result = ProcessRunner.Run(Binary.Value, arguments, Path.GetTempPath(), timeout: TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode is 0 or 1, "webpkiverify failed to run:\n" + result.Output);
        return new WebpkiResult(result.ExitCode == 0, !result.Output.Contains("path only", StringComparison.Ordinal), result.Output.Trim());
    }

    /// <summary>
    /// The leaf key's signature over the oracle's fixed message with the TLS 1.3 scheme of its key type (what a
    /// server's CertificateVerify carries): ECDSA with the curve's hash, RSA-PSS SHA-256, Ed25519.
    /// </summary>
    private static byte[] SignHandshake(TestCertificate leaf)
    {
        var algorithm = leaf.Key.Private switch
        {
            ECPrivateKeyParameters ec => ec.Parameters.Curve.FieldSize switch
            {
                <= 256 => "SHA256WITHECDSA",
                <= 384 => "SHA384WITHECDSA",
                _ => "SHA512WITHECDSA",
            },
            RsaKeyParameters => "SHA256WITHRSAANDMGF1",
            _ => "Ed25519",
        };
        var signer = SignerUtilities.GetSigner(algorithm);
        signer.Init(true, leaf.Key.Private);
        var message = Encoding.ASCII.GetBytes(HandshakeMessage);
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    private static bool HasCrate(string prefix) =>
        Directory.Exists(DebianRegistry) && Directory.EnumerateDirectories(DebianRegistry, prefix + "*").Any();

    private static string RustupHome => Environment.GetEnvironmentVariable("RUSTUP_HOME") ?? Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/root", ".rustup");

    // The build folder is keyed by the sources and the cargo that builds them, so a second run reuses it and two
    // toolchains (rustup's and Debian's, whose cargo reads older lock files only) never share a Cargo.lock.
    private static string BuildFolder(RustToolchain toolchain)
    {
        var source = RepositoryPaths.Script("webpkiverify");
        var text = string.Concat(SourceFiles.Select(f => File.ReadAllText(Path.Combine(source, f)))) + toolchain.Cargo;
        return Path.Combine(Path.GetTempPath(), "cid-webpkiverify-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant());
    }

    private static string Build()
    {
        var toolchain = Rust.Toolchain ?? throw new Xunit.Sdk.XunitException("the webpki oracle cannot be built: " + SkipReason);
        var source = RepositoryPaths.Script("webpkiverify");
        var root = BuildFolder(toolchain);
        var project = Path.Combine(root, "project");
        Directory.CreateDirectory(Path.Combine(project, "src"));
        foreach (var file in SourceFiles)
        {
            File.Copy(Path.Combine(source, file), Path.Combine(project, file), overwrite: true);
        }

        // A private CARGO_HOME whose only registry is the Debian folder: the build cannot reach crates.io.
        var environment = new Dictionary<string, string>
        {
            ["CARGO_HOME"] = Path.Combine(root, "cargo-home"),
            ["CARGO_TARGET_DIR"] = Path.Combine(root, "target"),
            ["CARGO_NET_OFFLINE"] = "true",
            ["RUSTUP_HOME"] = RustupHome,
        };
        Directory.CreateDirectory(environment["CARGO_HOME"]);
        File.WriteAllText(Path.Combine(environment["CARGO_HOME"], "config.toml"),
            "[source.crates-io]\nreplace-with = \"debian\"\n\n[source.debian]\ndirectory = \"" + DebianRegistry + "\"\n\n[net]\noffline = true\n");
        var result = ProcessRunner.Run(toolchain.Cargo, new[] { "build", "--offline", "--quiet" }, project, toolchain.With(environment), TimeSpan.FromMinutes(10));
        Assert.True(result.ExitCode == 0, $"{toolchain.Cargo} build of the webpki oracle failed ({Packages}):\n{result.Output}");
        return Path.Combine(root, "target", "debug", "webpkiverify");
    }
}
/// <summary>What webpki 0.22 said about a case.</summary>
/// <param name="Accepted">The anchors loaded, the path verified and (for a DNS host) the name matched.</param>
/// <param name="NameChecked">False for an IP host: webpki 0.22 has no IP name check, so only the path was verified.</param>
/// <param name="Output">webpki's error (its Debug text) or "OK".</param>
internal sealed record WebpkiResult(bool Accepted, bool NameChecked, string Output);
