using System.Text.Json;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tool.Output;

/// <summary>The certificate report of verify and probe: each certificate with its verdict, from the engine's findings.</summary>
internal static class CertificateReport
{
    public static void WriteText(IEnumerable<LoadedCertificate> certificates, IReadOnlyList<Diagnostic> findings, ValidationOptions options)
    {
        var o = Reporter.Out;
        o.WriteLine($"validation time {ValidityPeriodCheck.Format(options.At)}, guest profiles {Wording.Profiles(options.GuestProfiles)}");
        foreach (var c in certificates)
        {
            o.WriteLine($"{Verdict(c, findings),-7} {Role(c.Role),-22} {c.Subject}");
            o.WriteLine($"        {c.DisplayPath}, sha256 {c.Fingerprint}, valid {ValidityPeriodCheck.Format(c.NotBefore)} to {ValidityPeriodCheck.Format(c.NotAfter)}");
        }

        var errors = findings.Count(f => f.Severity == DiagnosticSeverity.Error);
        var warnings = findings.Count(f => f.Severity == DiagnosticSeverity.Warning);
        o.WriteLine(errors == 0 ? $"verdict: accepted ({Wording.Count(warnings, "warning")})" : $"verdict: rejected ({Wording.Count(errors, "error")}, {Wording.Count(warnings, "warning")})");
    }

    public static void WriteJson(Utf8JsonWriter w, IEnumerable<LoadedCertificate> certificates, IReadOnlyList<Diagnostic> findings, ValidationOptions options)
    {
        w.WriteString("validationTime", ValidityPeriodCheck.Format(options.At));
        w.WriteString("guestProfiles", Wording.Profiles(options.GuestProfiles));
        w.WriteString("verdict", findings.Any(f => f.Severity == DiagnosticSeverity.Error) ? "rejected" : "accepted");
        w.WriteStartArray("certificates");
        foreach (var c in certificates)
        {
            w.WriteStartObject();
            w.WriteString("role", Role(c.Role));
            w.WriteString("source", c.DisplayPath);
            w.WriteString("subject", c.Subject);
            w.WriteString("issuer", c.Issuer);
            w.WriteString("sha256", c.Fingerprint);
            w.WriteString("notBefore", ValidityPeriodCheck.Format(c.NotBefore));
            w.WriteString("notAfter", ValidityPeriodCheck.Format(c.NotAfter));
            w.WriteString("verdict", Verdict(c, findings));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.WriteFindings(w, findings);
    }

    private static string Verdict(LoadedCertificate certificate, IReadOnlyList<Diagnostic> findings)
    {
        var own = findings.Where(f => f.Location == certificate.Location || f.Message.Contains(certificate.Fingerprint, StringComparison.Ordinal)).ToList();
        return own.Any(f => f.Severity == DiagnosticSeverity.Error) ? "error" : own.Any(f => f.Severity == DiagnosticSeverity.Warning) ? "warning" : "ok";
    }

    private static string Role(TrustAnchorRole role) => role switch
    {
        TrustAnchorRole.RegistryCertificateAuthority => "registry CA",
        TrustAnchorRole.ExtraCertificate => "extra root",
        TrustAnchorRole.KbsCertificate => "KBS root",
        _ => "served chain",
    };
}
