using System.Text.Json;
using System.Text.RegularExpressions;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tool.Output;

/// <summary>The certificate report of verify and probe: each certificate with its verdict, from the engine's findings.</summary>
internal static partial class CertificateReport
{
    public static void WriteText(IEnumerable<LoadedCertificate> certificates, IReadOnlyList<Diagnostic> findings, ValidationOptions options)
    {
        var o = Reporter.Out;
        o.WriteLine($"validation time {ValidityPeriodCheck.Format(options.At)}, guest profiles {Wording.Profiles(options.GuestProfiles)}");
        var verdicts = new Verdicts(findings);
        foreach (var c in certificates)
        {
            o.WriteLine($"{verdicts.Of(c),-7} {Role(c.Role),-22} {c.Subject}");
            o.WriteLine($"        {Source(c)}, sha256 {c.Fingerprint}, valid {ValidityPeriodCheck.Format(c.NotBefore)} to {ValidityPeriodCheck.Format(c.NotAfter)}");
        }

        var errors = findings.Count(f => f.Severity == DiagnosticSeverity.Error);
        var warnings = findings.Count(f => f.Severity == DiagnosticSeverity.Warning);
        o.WriteLine(errors == 0 ? $"verdict: accepted ({Wording.Count(warnings, "warning")})" : $"verdict: rejected ({Wording.Count(errors, "error")}, {Wording.Count(warnings, "warning")})");
    }

    /// <summary>The JSON report; with <paramref name="verdicts"/>, each certificate carries its verdict per stack, as in initdata.json.</summary>
    public static void WriteJson(Utf8JsonWriter w, IEnumerable<LoadedCertificate> certificates, IReadOnlyList<Diagnostic> findings, ValidationOptions options, CertificateVerdicts? verdicts = null)
    {
        w.WriteString("validationTime", ValidityPeriodCheck.Format(options.At));
        w.WriteString("guestProfiles", Wording.Profiles(options.GuestProfiles));
        w.WriteString("verdict", findings.Any(f => f.Severity == DiagnosticSeverity.Error) ? "rejected" : "accepted");
        w.WriteStartArray("certificates");
        var worst = new Verdicts(findings);
        foreach (var c in certificates)
        {
            w.WriteStartObject();
            w.WriteString("role", Role(c.Role));
            w.WriteString("source", Source(c));
            w.WriteString("subject", c.Subject);
            w.WriteString("issuer", c.Issuer);
            w.WriteString("sha256", c.Fingerprint);
            w.WriteString("notBefore", ValidityPeriodCheck.Format(c.NotBefore));
            w.WriteString("notAfter", ValidityPeriodCheck.Format(c.NotAfter));
            w.WriteString("verdict", worst.Of(c));
            verdicts?.WriteJson(w, c.Fingerprint);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.WriteFindings(w, findings);
    }

    // The fingerprint of the certificate a finding is about, in its closing "[subject ..., SHA-256 <hex>, valid ...]":
    // another one in the text (CID2061 names the issuer's) is not that certificate's fault.
    [GeneratedRegex("SHA-256 ([0-9a-f]{64}), valid ", RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprint();

    // A file of the project is shown from the current folder (verify PROJECT run from elsewhere); a --ca file as given.
    private static string Source(LoadedCertificate certificate)
    {
        var file = certificate.Location.File;
        return Path.IsPathRooted(file) && Path.GetFullPath(certificate.DisplayPath) != file ? ShownPath.Of(file) : certificate.DisplayPath;
    }

    /// <summary>
    /// The worst finding of each certificate, by its location or its fingerprint in the message, indexed once: looking
    /// through every finding for every certificate took 26 s for 5,000 copies of one certificate.
    /// </summary>
    private sealed class Verdicts
    {
        private readonly Dictionary<SourceLocation, DiagnosticSeverity> _byLocation = new();
        private readonly Dictionary<string, DiagnosticSeverity> _byFingerprint = new(StringComparer.Ordinal);

        public Verdicts(IReadOnlyList<Diagnostic> findings)
        {
            foreach (var finding in findings)
            {
                Keep(_byLocation, finding.Location, finding.Severity);
                foreach (Match match in Fingerprint().Matches(finding.Message))
                {
                    Keep(_byFingerprint, match.Groups[1].Value, finding.Severity);
                }
            }
        }

        public string Of(LoadedCertificate certificate)
        {
            var worst = (DiagnosticSeverity?)null;
            if (_byLocation.TryGetValue(certificate.Location, out var atLocation))
            {
                worst = atLocation;
            }

            if (_byFingerprint.TryGetValue(certificate.Fingerprint, out var byFingerprint) && (worst is null || byFingerprint > worst))
            {
                worst = byFingerprint;
            }

            return worst switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "ok",
            };
        }

        private static void Keep<TKey>(Dictionary<TKey, DiagnosticSeverity> map, TKey key, DiagnosticSeverity severity)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var existing) || severity > existing)
            {
                map[key] = severity;
            }
        }
    }

    private static string Role(TrustAnchorRole role) => role switch
    {
        TrustAnchorRole.RegistryCertificateAuthority => "registry CA",
        TrustAnchorRole.ExtraCertificate => "extra root",
        TrustAnchorRole.KbsCertificate => "KBS root",
        _ => "served chain",
    };
}
