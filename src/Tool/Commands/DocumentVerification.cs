using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Manifests;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Tool.Output;
using Coco.InitData.Transport;

namespace Coco.InitData.Tool.Commands;

/// <summary>
/// <c>verify FILE --expect-digest D</c>: the CI check that a manifest still carries the bytes the build wrote.
/// genpolicy (kata 3.32.0 src/tools/genpolicy/src/policy.rs generate_initdata_anno) parses the initdata, puts its
/// own policy.rego in, re-serialises it with kata-types encode_initdata and overwrites the annotation of every
/// pod template, so a manifest that went through it no longer carries our digest.
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

        var document = InitDataInput.LoadValid(path, annotationName, reporter, out var exitCode);
        if (document is null)
        {
            return exitCode;
        }

        var findings = new DiagnosticBag();
        var summary = InitDataSummary.Read(document.Parsed!, document.DisplayPath, findings);
        GuestDocumentChecks.Run(document.Parsed!, document.DisplayPath, findings);
        var options = ValidationOptions.Default(at);
        var verdicts = CertificateChecks.Run(summary.Certificates, null, Array.Empty<Registries.ResolvedRegistry>(), options, findings);
        var carried = document.AllAnnotations.Count > 0
            ? document.AllAnnotations
            : new[] { new FoundAnnotation(document.AnnotationName ?? string.Empty, document.Annotation ?? string.Empty, new SourceLocation(document.DisplayPath)) };
        var wanted = expected.Algorithm.Name + ":" + expected.Hex;
        foreach (var annotation in carried)
        {
            var bytes = document.DocumentBytes;
            if (annotation.Value.Length > 0 && !AnnotationCodec.TryDecode(annotation.Value, out bytes, out var invalid))
            {
                findings.Error(MessageId.ToolAnnotationInvalid, annotation.Location, document.DisplayPath, invalid);
                continue;
            }

            // What the TEE measures: the document's own algorithm over its bytes.
            var algorithm = InitDataDocumentReader.TryRead(bytes, out var parsed, out _) ? parsed!.Algorithm : expected.Algorithm;
            var actual = algorithm.Name + ":" + Convert.ToHexString(algorithm.Hash(bytes)).ToLowerInvariant();
            if (actual != wanted)
            {
                findings.Error(MessageId.ToolDigestMismatch, annotation.Location, document.DisplayPath, actual, wanted, expected.Source);
            }
        }

        VerifyCommand.Write(summary.Certificates, findings.Items, options, json, verdicts);
        reporter.ReportAll(findings.Items);
        return reporter.ExitCode;
    }
}
