using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// Real material: every root of the system CA bundle (Debian's ca-certificates, one file per root under
/// /usr/share/ca-certificates/mozilla) as a registry CA, at the real current time. A profile may reject a root only
/// where that stack's real verifier rejects it too (openssl verify, Go crypto/x509, webpki 0.22 loading it as an
/// anchor), and the other way round; a build with a public root and no served chain raises no error otherwise.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PublicRootTests
{
    private const string MozillaFolder = "/usr/share/ca-certificates/mozilla";

    // The three public roots whose rfc822Name SAN was taken for a server's name (CID2048).
    [SkippableTheory]
    [InlineData("ACCVRAIZ1.crt")]
    [InlineData("Izenpe.com.crt")]
    [InlineData("Microsec_e-Szigno_Root_CA_2009.crt")]
    public void A_public_root_with_an_email_san_is_no_ca_server_certificate(string file)
    {
        var path = Path.Combine(MozillaFolder, file);
        Skip.IfNot(File.Exists(path), "Debian's ca-certificates is not installed (.ci/run installs it)");
        var (diagnostics, _, _) = Check(path, TlsProfile.Rustls | TlsProfile.OpenSsl);
        Assert.DoesNotContain(diagnostics, d => d.Code == "CID2048");
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [SkippableFact]
    public void Every_public_root_is_accepted_by_each_profile_exactly_where_that_stack_accepts_it()
    {
        Skip.IfNot(Directory.Exists(MozillaFolder), "Debian's ca-certificates is not installed (.ci/run installs it)");
        Skip.If(OpenSslVerify.SkipReason is not null, OpenSslVerify.SkipReason);
        Skip.If(GoVerify.SkipReason is not null, GoVerify.SkipReason);
        Skip.If(WebpkiVerify.SkipReason is not null, WebpkiVerify.SkipReason);
        var roots = Directory.EnumerateFiles(MozillaFolder, "*.crt").Order(StringComparer.Ordinal).ToList();
        Assert.True(roots.Count > 100, $"only {roots.Count} roots in {MozillaFolder}");
        var at = DateTimeOffset.UtcNow;
        var judged = new System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<TlsProfile, (bool Accepted, string Output)>>();
        Parallel.ForEach(roots, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, root => judged[root] = new()
        {
            [TlsProfile.OpenSsl] = OpenSslVerify.VerifyRoot(root, at),
            [TlsProfile.Go] = GoVerify.VerifyRoot(root, at),
            [TlsProfile.Rustls] = ToTuple(WebpkiVerify.LoadAnchors(root)),
        });
        var problems = new List<string>();
        foreach (var root in roots)
        {
            var name = Path.GetFileName(root);
            var oracles = judged[root];
            foreach (var guest in new[] { TlsProfile.Rustls, TlsProfile.OpenSsl, TlsProfile.Rustls | TlsProfile.OpenSsl })
            {
                var (diagnostics, verdicts, fingerprint) = Check(root, guest, at);
                foreach (var (profile, (accepted, output)) in oracles)
                {
                    var ours = verdicts.VerdictOf(fingerprint, profile);
                    if ((ours == "accepted") != accepted)
                    {
                        problems.Add($"{name}: {profile} oracle {(accepted ? "accepts" : "rejects")} ({output.Trim()}), our {profile} profile says {ours}");
                    }
                }

                // An error names a selected guest stack that rejects: the oracle of each such stack must reject too.
                foreach (var error in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    if (!oracles.Where(o => (guest & o.Key) != 0).Any(o => !o.Value.Accepted))
                    {
                        problems.Add($"{name} ({guest}): an error no selected guest stack confirms: {error.Message}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    private static (bool, string) ToTuple(WebpkiResult result) => (result.Accepted, result.Output);

    private static (IReadOnlyList<Diagnostic> Diagnostics, CertificateVerdicts Verdicts, string Fingerprint) Check(string path, TlsProfile guest, DateTimeOffset? at = null)
    {
        var diagnostics = new DiagnosticBag();
        var anchors = CertificateFileLoader.Load(path, Path.GetFileName(path), "CertificateAuthority", TrustAnchorRole.RegistryCertificateAuthority, new SourceLocation("project.csproj", 7), diagnostics);
        Assert.Single(anchors);
        var verdicts = CertificateChecks.Run(anchors, null, Array.Empty<ResolvedRegistry>(), new ValidationOptions(at ?? TestPki.ValidationTime, guest, 30, 0), diagnostics);
        return (diagnostics.Items, verdicts, anchors[0].Fingerprint);
    }
}
