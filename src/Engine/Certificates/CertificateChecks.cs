using Coco.InitData.Certificates.Anchors;
using Coco.InitData.Certificates.Chains;
using Coco.InitData.Certificates.Rules;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Certificates;

/// <summary>
/// The one entry point for certificate rules: every trust anchor, the KBS root and every served chain
/// pass through here, so the build and the tool report the same findings.
/// </summary>
public static class CertificateChecks
{
    /// <summary>Checks the anchors, the KBS root and each registry's served chain; returns every certificate's verdict per stack.</summary>
    public static CertificateVerdicts Run(
        IReadOnlyList<LoadedCertificate> anchors, LoadedCertificate? kbsCertificate, IReadOnlyList<ResolvedRegistry> registries,
        ValidationOptions options, DiagnosticBag diagnostics)
    {
        var reporter = new FindingReporter(options, diagnostics, new CertificateVerdicts());
        var anchorFacts = anchors.Select(a => a.Facts).ToList();
        var chains = new List<(ResolvedRegistry Registry, List<CertificateFacts> Served)>();
        foreach (var registry in registries)
        {
            // A plain-HTTP registry never shows a certificate; a blocked one is never contacted.
            if (registry.ServedChain.Count > 0 && !registry.Insecure && !registry.Blocked)
            {
                chains.Add((registry, registry.ServedChain.Select(c => c.Facts).ToList()));
            }
        }

        var issuingAnchors = new HashSet<string>(StringComparer.Ordinal);
        var chainFindings = new DiagnosticBag();
        var chainReporter = new FindingReporter(options, chainFindings, reporter.Verdicts);
        foreach (var (registry, served) in chains)
        {
            var path = ChainChecks.Check(registry, served, anchorFacts, chainReporter);
            if (path.Anchor is { } reached && reached.Certificate.Fingerprint != served[0].Certificate.Fingerprint)
            {
                issuingAnchors.Add(reached.Certificate.Fingerprint);
            }
        }

        var servedLeaves = chains.Select(c => c.Served[0].Certificate.Fingerprint).ToHashSet(StringComparer.Ordinal);
        foreach (var facts in anchorFacts)
        {
            var fingerprint = facts.Certificate.Fingerprint;
            ValidityPeriodCheck.Check(facts.Certificate, isAnchor: true, reporter);
            AnchorChecks.Check(facts, issuingAnchors.Contains(fingerprint), reporter, servedLeaves.Contains(fingerprint));
        }

        if (kbsCertificate is not null)
        {
            // The KBS root is a trust anchor for the attestation agent's HTTPS client: the same anchor rules apply.
            var facts = kbsCertificate.Facts;
            ValidityPeriodCheck.Check(kbsCertificate, isAnchor: true, reporter);
            AnchorChecks.Check(facts, servesOtherLeaf: false, reporter);
        }

        // Anchor findings first, then chains: the order a reader fixes them in.
        diagnostics.AddRange(chainFindings.Items);
        return reporter.Verdicts;
    }
}
