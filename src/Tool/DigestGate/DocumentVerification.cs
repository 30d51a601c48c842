using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Tool.Commands;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.DigestGate;

/// <summary>
/// <c>verify FILE --expect-digest D</c>: the CI check that a manifest still carries the bytes the build wrote.
/// genpolicy (kata 3.32.0 src/tools/genpolicy/src/policy.rs generate_initdata_anno) parses the initdata, puts its
/// own policy.rego in, re-serialises it with kata-types encode_initdata and overwrites the annotation of every
/// pod template, so a manifest that went through it no longer carries our digest: the message names genpolicy
/// only when the document carries its trace (<see cref="GenpolicyTrace"/>).
/// </summary>
internal static class DocumentVerification
{
    public static int Run(string path, string expectedText, string? annotationName, DateTimeOffset at, bool json, Reporter reporter)
    {
        var expected = ExpectedDigest.Parse(expectedText, out var problem);
        if (expected is null)
        {
            reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "--expect-digest", expectedText, problem);
            return ExitCodes.Usage;
        }

        var document = InitDataInput.LoadValid(path, annotationName, reporter, out var exitCode, forGate: true);
        if (document is null)
        {
            return exitCode;
        }

        var findings = new DiagnosticBag();
        var options = ValidationOptions.Default(at);
        var certificates = new List<LoadedCertificate>();
        CertificateVerdicts? verdicts = null;
        if (document.Parsed is { } parsed)
        {
            (var summary, verdicts) = ForeignDocument.Analyse(parsed, document.DisplayPath, options, findings);
            certificates.AddRange(summary.Certificates);
        }

        if (document.Survey is { } survey)
        {
            // Only pod templates count, and every one of them must carry the expected document.
            var templates = ManifestGate.Check(survey, document.DisplayPath, annotationName, expected, findings);
            VerifyCommand.Write(certificates, findings.Items, options, json, verdicts, w => ManifestGate.WriteJson(w, templates));
        }
        else
        {
            CheckOne(document, expected, findings);
            VerifyCommand.Write(certificates, findings.Items, options, json, verdicts);
        }

        reporter.ReportAll(findings.Items);
        return reporter.ExitCode;
    }

    // An annotation value or a document given on its own.
    private static void CheckOne(InitDataInput document, ExpectedDigest expected, DiagnosticBag findings)
    {
        var location = new SourceLocation(document.DisplayPath);
        var bytes = document.DocumentBytes;
        var actual = document.Annotation is { } value
            ? ManifestGate.Measure(value, location, "The initdata annotation", document.DisplayPath, expected, findings, out bytes)
            : ManifestGate.DigestOf(bytes, expected);
        if (actual is not null && actual != expected.Text)
        {
            var id = GenpolicyTrace.IsIn(bytes!) ? MessageId.ToolDigestMismatchGenpolicy : MessageId.ToolDigestMismatch;
            findings.Error(id, location, document.DisplayPath, actual, expected.Text, expected.Source);
        }
    }
}
