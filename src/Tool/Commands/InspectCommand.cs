using System.CommandLine;
using System.Globalization;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Measurements;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Tool.Options;
using Coco.InitData.Tool.Output;
using Coco.InitData.Transport;

namespace Coco.InitData.Tool.Commands;

/// <summary><c>inspect FILE|-</c>: what the document configures, its certificates and size, and the findings.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var json = CommonOptions.Json();
        var annotationName = CommonOptions.AnnotationName();
        var validationTime = ValidationTimeOption.Create();
        var command = new Command("inspect", "Summarise initdata: KBS, registries, certificates with expiry, policy, size against the 256 KiB limit, findings.")
        {
            input, json, annotationName, validationTime,
        };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(annotationName), parse.GetValue(json), parse.GetValue(validationTime) ?? DateTimeOffset.UtcNow));
        return command;
    }

    private static int Run(string path, string? annotationName, bool json, DateTimeOffset at)
    {
        var reporter = new Reporter();
        var document = InitDataInput.LoadValid(path, annotationName, reporter, out var exitCode);
        if (document is null)
        {
            return exitCode;
        }

        var parsed = document.Parsed;

        var findings = new DiagnosticBag();
        var (summary, verdicts) = ForeignDocument.Analyse(parsed!, document.DisplayPath, ValidationOptions.Default(at), findings);
        var measurements = TeeMeasurements.Compute(parsed!.Algorithm, document.DocumentBytes);
        var annotation = document.Annotation ?? AnnotationCodec.Encode(document.DocumentBytes);
        var name = document.AnnotationName ?? annotationName ?? AnnotationKey.Default;
        var size = name.Length + annotation.Length;

        if (json)
        {
            JsonOutput.Write(w => WriteJson(w, document, summary, measurements, size, findings, verdicts));
        }
        else
        {
            WriteText(document, summary, measurements, size, at);
        }

        reporter.ReportAll(findings.Items);
        return reporter.ExitCode;
    }

    private static void WriteText(InitDataInput document, InitDataSummary summary, TeeMeasurements measurements, int size, DateTimeOffset at)
    {
        var o = Reporter.Out;
        o.WriteLine($"source       {document.DisplayPath} ({document.Kind.ToString().ToLowerInvariant()})");
        o.WriteLine($"digest       {measurements.DigestText}");
        o.WriteLine($"document     {Wording.Count(document.DocumentBytes.Length, "byte")}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"annotation   {size} bytes with its key, {size * 100.0 / AnnotationKey.KubernetesAnnotationLimit:0.0}% of Kubernetes' 262144-byte limit"));
        o.WriteLine($"kbc          {summary.KbcName ?? "(none)"}");
        o.WriteLine($"kbs          {summary.KbsUrl ?? "(none)"}");
        o.WriteLine($"policy       {(summary.PolicyBytes is { } p ? Wording.Count(p, "byte") : "(none)")}");
        o.WriteLine($"registry rules {summary.Registries.Count}");
        foreach (var r in summary.Registries)
        {
            var flags = (r.Insecure ? " insecure" : string.Empty) + (r.Blocked ? " blocked" : string.Empty) + (r.Mirrors > 0 ? $" mirrors={r.Mirrors}" : string.Empty);
            o.WriteLine($"  {r.Prefix} -> {r.Location}{flags}");
        }

        o.WriteLine($"certificates {summary.Certificates.Count} (extra roots and KBS root)");
        foreach (var c in summary.Certificates)
        {
            var days = (int)Math.Floor((c.NotAfter - at).TotalDays);
            o.WriteLine($"  {c.Subject}");
            o.WriteLine($"    sha256 {c.Fingerprint}, expires {ValidityPeriodCheck.Format(c.NotAfter)} ({(days >= 0 ? "in " + Wording.Count(days, "day") : "expired")})");
        }

        if (summary.OtherKeys.Count > 0)
        {
            o.WriteLine($"other data   {string.Join(", ", summary.OtherKeys)}");
        }
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter w, InitDataInput document, InitDataSummary summary, TeeMeasurements measurements, int size, DiagnosticBag findings, CertificateVerdicts verdicts)
    {
        w.WriteString("source", document.Kind.ToString().ToLowerInvariant());
        w.WriteNumber("documentLength", document.DocumentBytes.Length);
        JsonOutput.WriteMeasurements(w, measurements);
        w.WriteNumber("annotationSize", size);
        w.WriteNumber("annotationLimit", AnnotationKey.KubernetesAnnotationLimit);
        w.WriteString("kbcName", summary.KbcName);
        w.WriteString("kbsUrl", summary.KbsUrl);
        if (summary.PolicyBytes is { } policy)
        {
            w.WriteNumber("policyLength", policy);
        }
        else
        {
            w.WriteNull("policyLength");
        }

        w.WriteStartArray("registries");
        foreach (var r in summary.Registries)
        {
            w.WriteStartObject();
            w.WriteString("prefix", r.Prefix);
            w.WriteString("location", r.Location);
            w.WriteBoolean("insecure", r.Insecure);
            w.WriteBoolean("blocked", r.Blocked);
            w.WriteNumber("mirrors", r.Mirrors);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("certificates");
        foreach (var c in summary.Certificates)
        {
            w.WriteStartObject();
            w.WriteString("subject", c.Subject);
            w.WriteString("issuer", c.Issuer);
            w.WriteString("sha256", c.Fingerprint);
            w.WriteString("notBefore", ValidityPeriodCheck.Format(c.NotBefore));
            w.WriteString("notAfter", ValidityPeriodCheck.Format(c.NotAfter));
            verdicts.WriteJson(w, c.Fingerprint);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.WriteFindings(w, findings.Items);
    }
}
