using System.Text;
using System.Text.RegularExpressions;
using Coco.InitData.Artifacts;
using Coco.InitData.Certificates;
using Coco.InitData.Deployment;
using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Measurements;
using Coco.InitData.Node;
using Coco.InitData.Registries;
using Coco.InitData.SecretDetection;
using Coco.InitData.Settings;
using Coco.InitData.Specification;
using Coco.InitData.Transport;

namespace Coco.InitData.Generation;

/// <summary>
/// Turns a specification into the initdata artifacts, or into errors. It reads the input files it is pointed at (and
/// the clock, when no validation time is set) and writes nothing; <see cref="InitDataPipeline"/> has the artifacts
/// written by <see cref="ArtifactWriter"/>.
/// </summary>
internal partial class InitDataGenerator
{
    /// <summary>Policy files beyond this are refused: genpolicy output for a large pod is well under it.</summary>
    public const int MaxPolicyBytes = 1024 * 1024;

    /// <summary>Validates the specification and builds the artifacts in memory.</summary>
    public static GenerationResult Generate(InitDataSpecification spec)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            var artifacts = Build(spec, diagnostics);
            return new GenerationResult(diagnostics.Items, diagnostics.HasErrors ? null : artifacts);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An exception here is our bug, not the user's: say so, with the input, instead of a stack trace.
            diagnostics.Error(MessageId.UnexpectedFailure, new SourceLocation(spec.BaseDirectory), spec.BaseDirectory, e.GetType().Name + ": " + e.Message);
            return new GenerationResult(diagnostics.Items, null);
        }
    }

    private static InitDataArtifacts? Build(InitDataSpecification spec, DiagnosticBag diagnostics)
    {
        var settings = SettingsReader.Read(spec, diagnostics);
        var registries = RegistryResolver.Resolve(spec, diagnostics);
        RegistryChecks.Run(registries, settings.ImageSecurityPolicyUri, diagnostics);

        var anchors = new List<LoadedCertificate>();
        foreach (var registry in registries)
        {
            anchors.AddRange(registry.Authorities);
        }

        foreach (var item in spec.Certificates)
        {
            anchors.AddRange(RegistryResolver.LoadFiles(spec, item.BaseDirectory, item.Path, "InitDataCertificate", TrustAnchorRole.ExtraCertificate, item.DeclaredAt, diagnostics));
        }

        var extraRoots = Deduplicate(anchors, diagnostics);
        var kbsCertificate = LoadKbsCertificate(spec, diagnostics);
        var policy = LoadPolicy(spec, diagnostics);

        var verdicts = CertificateChecks.Run(extraRoots, kbsCertificate, registries, settings.Validation, diagnostics);

        CheckDeclaredNames(registries, spec, diagnostics);
        var cdh = BuildCdh(spec, settings, registries, extraRoots, kbsCertificate, diagnostics);
        GuestComponentsVersion.Check(spec.GuestComponentsVersion, cdh, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (cdh is not null)
        {
            data["cdh.toml"] = cdh.ToToml();
        }

        if (settings.KbsUrl is not null)
        {
            data["aa.toml"] = new AaConfiguration { KbsUrl = settings.KbsUrl, KbsCertificatePem = kbsCertificate?.Pem }.ToToml();
        }

        if (policy is not null)
        {
            data["policy.rego"] = policy;
        }

        // Only when nothing was reported at its source: this net has no better location than the project.
        CheckDocument(data, spec, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var document = new InitDataDocument(settings.Algorithm, data);
        var bytes = document.ToBytes();
        var measurements = TeeMeasurements.Compute(settings.Algorithm, bytes);
        var annotation = AnnotationCodec.Encode(bytes);
        CheckAnnotationSize(settings.AnnotationName, annotation, spec, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var nodeFiles = ContainerdHostsConfiguration.Build(registries, diagnostics);
        var manifest = ManifestJson.Render(settings.AnnotationName, annotation, measurements, bytes.Length, registries, extraRoots, kbsCertificate, verdicts, settings.KustomizeLabelSelector);
        return new InitDataArtifacts
        {
            Validation = settings.Validation,
            Document = document,
            DocumentBytes = bytes,
            Annotation = annotation,
            AnnotationName = settings.AnnotationName,
            Measurements = measurements,
            Registries = registries,
            ExtraRootCertificates = extraRoots,
            KbsCertificate = kbsCertificate,
            Verdicts = verdicts,
            Files = new[]
            {
                new ArtifactFile(InitDataArtifacts.DocumentFileName, bytes),
                new ArtifactFile(InitDataArtifacts.AnnotationFileName, Encoding.ASCII.GetBytes(annotation)),
                new ArtifactFile(InitDataArtifacts.ManifestFileName, manifest),
                new ArtifactFile(KustomizeComponent.RelativePath, KustomizeComponent.Render(settings.AnnotationName, annotation, measurements.DigestText, settings.KustomizeLabelSelector)),
                new ArtifactFile(HelmValues.RelativePath, HelmValues.Render(settings.AnnotationName, annotation, measurements.DigestText)),
            }.Concat(nodeFiles).ToList(),
        };
    }

    private static CdhConfiguration? BuildCdh(
        InitDataSpecification spec, ResolvedSettings settings, IReadOnlyList<ResolvedRegistry> registries,
        IReadOnlyList<LoadedCertificate> extraRoots, LoadedCertificate? kbsCertificate, DiagnosticBag diagnostics)
    {
        var rules = registries
            .Where(r => r.WritesRule)
            .Select(r => new RegistryRule(
                r.Name.Text, (r.Location ?? r.Name).Text, r.Insecure, r.Blocked,
                r.Mirrors.Select(m => new RegistryMirror(m.Location.Text, m.Insecure)).ToList()))
            .ToList();

        var needsImageSection = registries.Count > 0 || extraRoots.Count > 0 || settings.RegistryCredentialsUri is not null
            || settings.ImageSecurityPolicyUri is not null || settings.SigstoreConfigUri is not null || settings.Proxy is not null
            || settings.UnqualifiedSearchRegistries is not null;
        if (!needsImageSection && settings.KbsUrl is null)
        {
            return null;
        }

        var cloudKbc = settings.KbcName == "cc_kbc";
        if (cloudKbc && settings.KbsUrl is null)
        {
            var at = spec.KbsUrl?.Location ?? registries.FirstOrDefault()?.DeclaredAt ?? spec.Certificates.FirstOrDefault()?.DeclaredAt ?? SourceLocation.None;
            diagnostics.Error(MessageId.KbsRequired, at, spec.NameOf(SettingCatalog.KbsUrl), spec.NameOf(SettingCatalog.KbcName));
            return null;
        }

        return new CdhConfiguration
        {
            KbcName = settings.KbcName,
            KbcUrl = cloudKbc ? settings.KbsUrl : null,
            KbsCertificatePem = kbsCertificate?.Pem,
            ExtraRootCertificates = extraRoots.Select(c => c.Pem).ToList(),
            AuthenticatedRegistryCredentialsUri = settings.RegistryCredentialsUri,
            ImageSecurityPolicyUri = settings.ImageSecurityPolicyUri,
            SigstoreConfigUri = settings.SigstoreConfigUri,
            ImagePullProxy = settings.Proxy,
            UnqualifiedSearchRegistries = settings.UnqualifiedSearchRegistries,
            RegistryRules = rules,
        };
    }

    // Rule A5: the same certificate twice is embedded once, and the user is told where the copy was.
    private static List<LoadedCertificate> Deduplicate(List<LoadedCertificate> anchors, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<LoadedCertificate>();
        foreach (var anchor in anchors)
        {
            if (seen.Add(anchor.Fingerprint))
            {
                unique.Add(anchor);
            }
            else
            {
                diagnostics.Note(MessageId.DuplicateCertificate, anchor.Location, anchor.Subject, anchor.Fingerprint);
            }
        }

        return unique;
    }

    private static LoadedCertificate? LoadKbsCertificate(InitDataSpecification spec, DiagnosticBag diagnostics)
    {
        if (spec.KbsCertificate is not { IsEmpty: false } setting)
        {
            return null;
        }

        var certificates = RegistryResolver.LoadFiles(spec, spec.BaseDirectory, setting.Value, setting.Name, TrustAnchorRole.KbsCertificate, setting.Location, diagnostics);
        if (certificates.Count > 1)
        {
            diagnostics.Error(MessageId.PropertyValueInvalid, setting.Location, setting.Name, setting.Value,
                $"the file holds {certificates.Count} certificates; the guest uses one KBS root, so keep only the root the KBS certificate chains to");
            return null;
        }

        return certificates.FirstOrDefault();
    }

    private static string? LoadPolicy(InitDataSpecification spec, DiagnosticBag diagnostics)
    {
        if (spec.PolicyFile is not { IsEmpty: false } setting)
        {
            return null;
        }

        var full = InputFiles.Resolve(spec.BaseDirectory, setting.Value);
        if (!InputFiles.TryReadText(full, InputFiles.DisplayPath(spec.BaseDirectory, full), setting.Name, setting.Location, MaxPolicyBytes, diagnostics, out var text))
        {
            return null;
        }

        // The policy is copied byte for byte into the document: a key or token in it would be published with the pod.
        var clean = true;
        foreach (var (line, reason, masked) in InlineSecrets.FindInText(text))
        {
            diagnostics.Error(MessageId.InlineSecretSuspected, new SourceLocation(full, line), setting.Name, masked, reason);
            clean = false;
        }

        return clean ? text : null;
    }

    // Names and locations reach cdh.toml as they are written: the same detection as for every setting, at the item.
    private static void CheckDeclaredNames(IReadOnlyList<ResolvedRegistry> registries, InitDataSpecification spec, DiagnosticBag diagnostics)
    {
        foreach (var registry in registries)
        {
            SettingsReader.LooksSecret(new SettingValue("InitDataRegistry", registry.Name.Text, registry.DeclaredAt), registry.Name.Text, diagnostics);
            if (registry.Location is { } location)
            {
                SettingsReader.LooksSecret(new SettingValue("Location", location.Text, registry.DeclaredAt), location.Text, diagnostics);
            }

            foreach (var mirror in registry.Mirrors)
            {
                SettingsReader.LooksSecret(new SettingValue("InitDataRegistryMirror", mirror.Location.Text, mirror.DeclaredAt), mirror.Location.Text, diagnostics);
            }
        }

        if (spec.AnnotationName is { IsEmpty: false } annotation)
        {
            SettingsReader.LooksSecret(annotation, annotation.Value.Trim(), diagnostics);
        }
    }

    // The last net: every byte of every data entry, certificates aside (base64 bodies are checked as certificates).
    private static void CheckDocument(IReadOnlyDictionary<string, string> data, InitDataSpecification spec, DiagnosticBag diagnostics)
    {
        foreach (var (key, value) in data)
        {
            var text = CertificateBlock().Replace(value, string.Empty);
            foreach (var (_, reason, masked) in InlineSecrets.FindInText(text))
            {
                diagnostics.Error(MessageId.DocumentSecretSuspected, new SourceLocation(spec.BaseDirectory), key, reason, masked);
                break;
            }
        }
    }

    [GeneratedRegex(@"-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\\s]*-----END CERTIFICATE-----", RegexOptions.CultureInvariant)]
    private static partial Regex CertificateBlock();

    private static void CheckAnnotationSize(string annotationName, string annotation, InitDataSpecification spec, DiagnosticBag diagnostics)
    {
        var size = annotationName.Length + annotation.Length;
        var at = spec.Registries.FirstOrDefault()?.DeclaredAt ?? new SourceLocation(spec.BaseDirectory);
        if (size > AnnotationKey.KubernetesAnnotationLimit)
        {
            diagnostics.Error(MessageId.AnnotationTooLarge, at, size);
        }
        else if (size > AnnotationKey.WarningThreshold)
        {
            diagnostics.Warning(MessageId.AnnotationLarge, at, size);
        }
    }
}
