using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// Real chains (<see cref="ForeignCorpus"/>: Go's certificate tests and webpki's Netflix chain) through all three
/// oracles at their own time and host: each profile agrees with its stack, the rustls profile with webpki 0.22
/// except where a listed 0.22/0.103 difference explains it.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ForeignCorpusTests
{
    [SkippableTheory]
    [MemberData(nameof(ForeignCorpus.Names), MemberType = typeof(ForeignCorpus))]
    public void Each_profile_agrees_with_its_stack_on_a_real_chain(string name)
    {
        Skip.If(ForeignCorpus.All.Count == 0, "neither golang-1.19-src nor librust-webpki-dev is installed (.ci/run installs both)");
        Skip.If(OpenSslVerify.SkipReason is not null, OpenSslVerify.SkipReason);
        Skip.If(GoVerify.SkipReason is not null, GoVerify.SkipReason);
        Skip.If(WebpkiVerify.SkipReason is not null, WebpkiVerify.SkipReason);
        var corpus = ForeignCorpus.All[name];
        using var directory = new TempDirectory("cid-corpus");
        var input = OracleInput.Write(directory.Path, "oracle", corpus.Roots, corpus.Chain, corpus.Host, corpus.At);
        var (ours, describe) = Judge(directory.Path, corpus);

        var problems = new List<string>();
        void Compare(TlsProfile profile, bool oracleAccepts, string oracle, string output, WebpkiDifference? difference = null)
        {
            var profileAccepts = !ours(profile);
            if (difference is null && oracleAccepts != profileAccepts)
            {
                problems.Add($"{oracle} {(oracleAccepts ? "accepts" : "rejects")} ({output.Trim()}), our {profile} profile {(profileAccepts ? "accepts" : "rejects")}");
            }
            else if (difference is not null && (oracleAccepts == profileAccepts || oracleAccepts != difference.Oracle022Accepts))
            {
                problems.Add($"{difference.Id} no longer explains it: {oracle} {(oracleAccepts ? "accepts" : "rejects")} ({output.Trim()}), our {profile} profile {(profileAccepts ? "accepts" : "rejects")}");
            }
        }

        var openssl = OpenSslVerify.Run(input);
        Compare(TlsProfile.OpenSsl, openssl.Accepted, "openssl verify", openssl.Output);
        var go = GoVerify.Run(input);
        Compare(TlsProfile.Go, go.Accepted, "Go crypto/x509", go.Output);
        var webpki = WebpkiVerify.Run(input);
        Compare(TlsProfile.Rustls, webpki.Accepted, "webpki 0.22", webpki.Output, WebpkiDifferences.For(name));
        Assert.True(problems.Count == 0, $"{name}:\n{string.Join("\n", problems)}\nour findings:\n{describe}");
    }

    private static (Func<TlsProfile, bool> RejectedBy, string Describe) Judge(string directory, ForeignCase corpus)
    {
        var diagnostics = new DiagnosticBag();
        var declared = new SourceLocation("project.csproj", 7);
        var anchorsPath = Path.Combine(directory, "ca.pem");
        File.WriteAllText(anchorsPath, string.Concat(corpus.Roots));
        var anchors = CertificateFileLoader.Load(anchorsPath, "ca.pem", "CertificateAuthority", TrustAnchorRole.RegistryCertificateAuthority, declared, diagnostics);
        var chainPath = Path.Combine(directory, "chain.pem");
        File.WriteAllText(chainPath, string.Concat(corpus.Chain));
        var chain = CertificateFileLoader.Load(chainPath, "chain.pem", "ServerCertificate", TrustAnchorRole.ServedChain, declared, diagnostics);
        Assert.True(anchors.Count == corpus.Roots.Count && chain.Count == corpus.Chain.Count, string.Join("\n", diagnostics.Items.Select(d => d.ToCanonicalString())));

        // No host: a wildcard registry, for which the host check is skipped, as the oracles skip it.
        Assert.True(RegistryName.TryParse(corpus.Host.Length > 0 ? corpus.Host : "*.corpus.invalid", out var registry, out var problem), problem);
        var resolved = new ResolvedRegistry { Name = registry!, DeclaredAt = declared, Authorities = anchors, ServedChain = chain };
        var verdicts = CertificateChecks.Run(anchors, null, new[] { resolved }, new ValidationOptions(corpus.At, TlsProfile.Rustls | TlsProfile.OpenSsl, 30, 0), diagnostics);
        var certificates = anchors.Concat(chain).ToList();
        return (profile => certificates.Any(c => verdicts.VerdictOf(c.Fingerprint, profile) != "accepted"),
            string.Join("\n", diagnostics.Items.Select(d => d.ToCanonicalString())));
    }
}
