using System.Text;
using System.Text.Json;
using Coco.InitData.Certificates;
using Coco.InitData.Generation;

namespace Coco.InitData.Artifacts;

/// <summary>
/// initdata.json: what a deployment pipeline or a Trustee reference-value script needs, without parsing
/// TOML. Only inputs go in (no build time, no absolute path), so the same inputs give the same bytes.
/// </summary>
public static class ManifestJson
{
    /// <summary>Renders the manifest, indented with LF line endings and a trailing newline; each certificate carries its verdict per stack (all "accepted" when <c>verdicts</c> is null).</summary>
    /// <remarks>Relaxed escaping keeps base64 '+' and subjects readable; the output is written to a file, never into HTML.</remarks>
    internal static byte[] Render(
        string annotationName, string annotation, Measurements.TeeMeasurements measurements, int documentLength,
        IReadOnlyList<Registries.ResolvedRegistry> registries, IReadOnlyList<LoadedCertificate> extraRoots, LoadedCertificate? kbsCertificate,
        CertificateVerdicts? verdicts = null, string? kustomizeLabelSelector = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("annotation");
            json.WriteString("name", annotationName);
            json.WriteNumber("length", annotation.Length);
            json.WriteEndObject();
            json.WriteNumber("documentLength", documentLength);
            json.WriteStartObject("deployment");
            json.WriteString("kustomizeComponent", Deployment.KustomizeComponent.RelativePath);
            if (kustomizeLabelSelector is not null)
            {
                json.WriteString("kustomizeLabelSelector", kustomizeLabelSelector);
            }

            json.WriteString("helmValues", Deployment.HelmValues.RelativePath);
            json.WriteEndObject();
            WriteMeasurements(json, measurements);
            WriteRegistries(json, registries, verdicts);
            json.WriteStartArray("certificates");
            foreach (var certificate in extraRoots)
            {
                WriteCertificate(json, certificate, "extra_root_certificates", verdicts);
            }

            if (kbsCertificate is not null)
            {
                WriteCertificate(json, kbsCertificate, "kbs_cert", verdicts);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        // Utf8JsonWriter indents with Environment.NewLine; the artifact must be the same on every OS.
        var text = Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The algorithm, the digest and the per-TEE values, as initdata.json and the tool's --json write them.</summary>
    public static void WriteMeasurements(Utf8JsonWriter json, Measurements.TeeMeasurements measurements)
    {
        json.WriteString("algorithm", measurements.Algorithm.Name);
        json.WriteString("digest", measurements.DigestHex);
        json.WriteStartObject("measurements");
        foreach (var field in measurements.Fields)
        {
            json.WriteStartObject(field.Tee);
            json.WriteString("field", field.Field);
            json.WriteString("hex", field.Hex);
            json.WriteString("base64", field.Base64);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteRegistries(Utf8JsonWriter json, IReadOnlyList<Registries.ResolvedRegistry> registries, CertificateVerdicts? verdicts)
    {
        json.WriteStartArray("registries");
        foreach (var registry in registries)
        {
            json.WriteStartObject();
            json.WriteString("prefix", registry.Name.Text);
            json.WriteString("location", (registry.Location ?? registry.Name).Text);
            json.WriteBoolean("insecure", registry.Insecure);
            json.WriteBoolean("blocked", registry.Blocked);
            json.WriteStartArray("certificateAuthorities");
            foreach (var authority in registry.Authorities)
            {
                json.WriteStringValue(authority.Fingerprint);
            }

            json.WriteEndArray();
            if (registry.ServedChain.Count > 0)
            {
                // The chain the registry serves is checked, never embedded: listed here for its verdicts.
                json.WriteStartArray("servedChain");
                foreach (var certificate in registry.ServedChain)
                {
                    WriteCertificate(json, certificate, null, verdicts);
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("mirrors");
            foreach (var mirror in registry.Mirrors)
            {
                json.WriteStartObject();
                json.WriteString("location", mirror.Location.Text);
                json.WriteBoolean("insecure", mirror.Insecure);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCertificate(Utf8JsonWriter json, LoadedCertificate certificate, string? embeddedAs, CertificateVerdicts? verdicts)
    {
        json.WriteStartObject();
        json.WriteString("source", certificate.DisplayPath);
        json.WriteNumber("line", certificate.Location.Line);
        if (embeddedAs is not null)
        {
            json.WriteString("embeddedAs", embeddedAs);
        }

        json.WriteString("subject", certificate.Subject);
        json.WriteString("issuer", certificate.Issuer);
        json.WriteString("sha256", certificate.Fingerprint);
        json.WriteString("notBefore", ValidityPeriodCheck.Format(certificate.NotBefore));
        json.WriteString("notAfter", ValidityPeriodCheck.Format(certificate.NotAfter));
        json.WriteStartObject("verdicts");
        foreach (var (profile, name) in CertificateVerdicts.Profiles)
        {
            json.WriteString(name, verdicts?.VerdictOf(certificate.Fingerprint, profile) ?? "accepted");
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
