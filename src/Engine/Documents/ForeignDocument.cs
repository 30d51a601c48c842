using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Documents;

/// <summary>
/// The analysis of a document we did not write (inspect, verify --expect-digest): what it configures, what makes the
/// guest fail on it, and its certificates judged as the build judges ours. One sequence, so both commands agree.
/// </summary>
public static class ForeignDocument
{
    /// <summary>Reads the summary, runs the guest's checks and the certificate checks; findings go to <paramref name="findings"/>.</summary>
    public static (InitDataSummary Summary, CertificateVerdicts Verdicts) Analyse(ParsedInitData document, string displayPath, ValidationOptions options, DiagnosticBag findings)
    {
        var summary = InitDataSummary.Read(document, displayPath, findings);
        GuestDocumentChecks.Run(summary, displayPath, findings);
        var verdicts = CertificateChecks.Run(summary.Certificates, null, Array.Empty<ResolvedRegistry>(), options, findings);
        return (summary, verdicts);
    }
}
