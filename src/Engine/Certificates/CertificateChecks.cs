using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Certificates;

/// <summary>
/// The one entry point for certificate rules: every trust anchor, the KBS root and every served chain
/// pass through here, so the build and the tool report the same findings.
/// </summary>
public static class CertificateChecks
{
    /// <summary>Checks the anchors, the KBS root and each registry's served chain.</summary>
    public static void Run(
        IReadOnlyList<LoadedCertificate> anchors, LoadedCertificate? kbsCertificate, IReadOnlyList<ResolvedRegistry> registries,
        ValidationOptions options, DiagnosticBag diagnostics)
    {
        foreach (var anchor in anchors)
        {
            ValidityPeriodCheck.Check(anchor, options, diagnostics);
        }

        if (kbsCertificate is not null)
        {
            ValidityPeriodCheck.Check(kbsCertificate, options, diagnostics);
        }

        foreach (var registry in registries)
        {
            foreach (var certificate in registry.ServedChain)
            {
                ValidityPeriodCheck.Check(certificate, options, diagnostics);
            }
        }
    }
}
