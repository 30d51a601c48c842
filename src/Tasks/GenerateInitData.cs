using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Manifests;
using Coco.InitData.ProjectFiles;
using Coco.InitData.Specification;
using Coco.InitData.Tasks.ProjectFiles;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Coco.InitData.Tasks;

/// <summary>
/// Writes the initdata artifacts (initdata.toml, initdata.annotation, initdata.json) from the project's
/// <c>InitDataRegistry</c>, <c>InitDataRegistryMirror</c> and <c>InitDataCertificate</c> items and
/// <c>InitData*</c> properties. Fails the build, and writes nothing, on any error.
/// </summary>
public sealed class GenerateInitData : Microsoft.Build.Utilities.Task
{
    private ProjectEvaluation? _evaluation;

    /// <summary>The project being built (<c>$(MSBuildProjectFullPath)</c>): properties are located in it and paths shown relative to its folder.</summary>
    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>The folder the artifacts are written to.</summary>
    [Required]
    public string OutputPath { get; set; } = string.Empty;

    /// <summary><c>InitDataRegistry</c> items.</summary>
    public ITaskItem[] Registries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>InitDataRegistryMirror</c> items.</summary>
    public ITaskItem[] RegistryMirrors { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>InitDataCertificate</c> items.</summary>
    public ITaskItem[] Certificates { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>InitDataManifest</c> items: Kubernetes manifests written again under <c>k8s/</c> with the annotation injected.</summary>
    public ITaskItem[] Manifests { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>$(InitDataAlgorithm)</c>.</summary>
    public string? Algorithm { get; set; }

    /// <summary><c>$(InitDataKbsUrl)</c>.</summary>
    public string? KbsUrl { get; set; }

    /// <summary><c>$(InitDataKbcName)</c>.</summary>
    public string? KbcName { get; set; }

    /// <summary><c>$(InitDataKbsCertificate)</c>.</summary>
    public string? KbsCertificate { get; set; }

    /// <summary><c>$(InitDataPolicyFile)</c>.</summary>
    public string? PolicyFile { get; set; }

    /// <summary><c>$(InitDataRegistryCredentialsUri)</c>.</summary>
    public string? RegistryCredentialsUri { get; set; }

    /// <summary><c>$(InitDataImageSecurityPolicyUri)</c>.</summary>
    public string? ImageSecurityPolicyUri { get; set; }

    /// <summary><c>$(InitDataSigstoreConfigUri)</c>.</summary>
    public string? SigstoreConfigUri { get; set; }

    /// <summary><c>$(InitDataHttpsProxy)</c>.</summary>
    public string? HttpsProxy { get; set; }

    /// <summary><c>$(InitDataHttpProxy)</c>.</summary>
    public string? HttpProxy { get; set; }

    /// <summary><c>$(InitDataNoProxy)</c>.</summary>
    public string? NoProxy { get; set; }

    /// <summary><c>$(InitDataUnqualifiedSearchRegistries)</c>.</summary>
    public string? UnqualifiedSearchRegistries { get; set; }

    /// <summary><c>$(InitDataAnnotationName)</c>.</summary>
    public string? AnnotationName { get; set; }

    /// <summary><c>$(InitDataCertificateExpiryWarningDays)</c>.</summary>
    public string? CertificateExpiryWarningDays { get; set; }

    /// <summary><c>$(InitDataCertificateLifetimeWarningPercent)</c>.</summary>
    public string? CertificateLifetimeWarningPercent { get; set; }

    /// <summary><c>$(InitDataValidationTime)</c>.</summary>
    public string? ValidationTime { get; set; }

    /// <summary><c>$(InitDataTlsProfiles)</c>.</summary>
    public string? TlsProfiles { get; set; }

    /// <summary><c>$(InitDataGuestComponentsVersion)</c>.</summary>
    public string? GuestComponentsVersion { get; set; }

    /// <summary>The document's digest, lowercase hex, prefixed by the algorithm (<c>sha256:5fbb...</c>).</summary>
    [Output]
    public string Digest { get; set; } = string.Empty;

    /// <summary>Every file written.</summary>
    [Output]
    public ITaskItem[] GeneratedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Every input file read (certificates, policy): what the next incremental build watches.</summary>
    [Output]
    public ITaskItem[] InputFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            // Locations come from evaluating the project again (about 0.2 s): only when a finding points into a project
            // file (a certificate's finding already has its file and line), or an item written as a glob may have been
            // dropped. Generation is deterministic, so the second pass finds the same things, located.
            var outcome = Run(locate: false);
            var declarationFiles = new HashSet<string>(DefiningFiles(), StringComparer.Ordinal) { ProjectFile, Path.GetFullPath(ProjectFile) };
            if (outcome.Diagnostics.Items.Any(d => declarationFiles.Contains(d.Location.File)) || GlobScan.MayHaveDroppedItems(ProjectFile, declarationFiles))
            {
                outcome = Run(locate: true);
            }

            Finish(outcome);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            DiagnosticLogger.Log(Log, Diagnostic.Create(MessageId.UnexpectedFailure, DiagnosticSeverity.Error, new SourceLocation(ProjectFile), ProjectFile, e.GetType().Name + ": " + e.Message));
        }
        finally
        {
            _evaluation?.Dispose();
        }

        return !Log.HasLoggedErrors;
    }

    private Outcome Run(bool locate)
    {
        var declarations = Declarations(locate ? Locations : () => null);
        var spec = DeclarationReader.Read(declarations);
        var manifests = DeclarationReader.Manifests(declarations);
        var diagnostics = new DiagnosticBag();
        if (locate)
        {
            ReportDroppedItems(diagnostics);
        }

        if (spec.DeclaresNothing)
        {
            diagnostics.Warning(MessageId.NothingDeclared, new SourceLocation(ProjectFile));
            return new Outcome(spec, manifests, diagnostics, null, null);
        }

        var result = InitDataGenerator.Generate(spec);
        diagnostics.AddRange(result.Diagnostics);
        var k8s = result.Artifacts is { } artifacts && !diagnostics.HasErrors
            ? ManifestArtifacts.Build(manifests, spec.BaseDirectory, artifacts.AnnotationName, artifacts.Annotation, diagnostics)
            : null;
        return new Outcome(spec, manifests, diagnostics, result.Artifacts, k8s);
    }

    private void Finish(Outcome outcome)
    {
        InputFiles = ReferencedFiles.Of(outcome.Spec).Concat(outcome.Manifests.Select(m => Coco.InitData.InputFiles.Resolve(m.BaseDirectory, m.Path)))
            .Select(f => (ITaskItem)new TaskItem(f)).ToArray();
        var diagnostics = outcome.Diagnostics;
        if (outcome.Artifacts is { } artifacts && outcome.K8s is { } k8s && !diagnostics.HasErrors)
        {
            var written = ArtifactWriter.Write(OutputPath, artifacts.Files.Concat(k8s).ToList(), diagnostics);
            if (written is not null)
            {
                GeneratedFiles = written.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
                Digest = artifacts.Measurements.Algorithm.Name + ":" + artifacts.Measurements.DigestHex;
                var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
                Log.LogMessage(MessageImportance.High, Summary(artifacts, Coco.InitData.InputFiles.DisplayPath(projectDirectory, written[0])));
            }
        }

        LogAll(diagnostics);
    }

    private IEnumerable<string> DefiningFiles() =>
        new[] { Registries, RegistryMirrors, Certificates, Manifests }.SelectMany(items => items).Select(i => i.GetMetadata("DefiningProjectFullPath")).Distinct(StringComparer.Ordinal);

    private sealed record Outcome(InitDataSpecification Spec, IReadOnlyList<ManifestDeclaration> Manifests, DiagnosticBag Diagnostics, InitDataArtifacts? Artifacts, IReadOnlyList<ArtifactFile>? K8s);

    // Items MSBuild dropped before the task could see them: only the evaluation knows they were declared.
    private void ReportDroppedItems(DiagnosticBag diagnostics)
    {
        if (Locations() is { } locations)
        {
            DroppedItems.Report(locations, diagnostics);
        }
    }

    private void LogAll(DiagnosticBag diagnostics)
    {
        foreach (var diagnostic in diagnostics.Items)
        {
            DiagnosticLogger.Log(Log, diagnostic);
        }
    }

    private ProjectLocations? Locations() => (_evaluation ??= new ProjectEvaluation(ProjectFile, (BuildEngine as IBuildEngine6)?.GetGlobalProperties())).Locations;

    private static string Summary(InitDataArtifacts artifacts, string documentPath)
    {
        var registries = artifacts.Registries.Count;
        var certificates = artifacts.ExtraRootCertificates.Count + (artifacts.KbsCertificate is null ? 0 : 1);
        return $"InitData: {registries} {(registries == 1 ? "registry" : "registries")}, {certificates} {(certificates == 1 ? "certificate" : "certificates")} -> {documentPath} {artifacts.Measurements.Algorithm.Name}:{artifacts.Measurements.DigestHex}";
    }

    // Parameter names follow the properties and item types the targets pass, so the engine's
    // DeclarationReader maps them exactly as the tool maps an evaluated project.
    private TaskDeclarations Declarations(Func<ProjectLocations?> locations) => new(
        ProjectFile,
        new Dictionary<string, ITaskItem[]>
        {
            [DeclarationReader.RegistryItem] = Registries,
            [DeclarationReader.MirrorItem] = RegistryMirrors,
            [DeclarationReader.CertificateItem] = Certificates,
            [DeclarationReader.ManifestItem] = Manifests,
        },
        new Dictionary<string, string?>
        {
            ["InitDataAlgorithm"] = Algorithm,
            ["InitDataKbsUrl"] = KbsUrl,
            ["InitDataKbcName"] = KbcName,
            ["InitDataKbsCertificate"] = KbsCertificate,
            ["InitDataPolicyFile"] = PolicyFile,
            ["InitDataRegistryCredentialsUri"] = RegistryCredentialsUri,
            ["InitDataImageSecurityPolicyUri"] = ImageSecurityPolicyUri,
            ["InitDataSigstoreConfigUri"] = SigstoreConfigUri,
            ["InitDataHttpsProxy"] = HttpsProxy,
            ["InitDataHttpProxy"] = HttpProxy,
            ["InitDataNoProxy"] = NoProxy,
            ["InitDataUnqualifiedSearchRegistries"] = UnqualifiedSearchRegistries,
            ["InitDataAnnotationName"] = AnnotationName,
            ["InitDataCertificateExpiryWarningDays"] = CertificateExpiryWarningDays,
            ["InitDataCertificateLifetimeWarningPercent"] = CertificateLifetimeWarningPercent,
            ["InitDataValidationTime"] = ValidationTime,
            ["InitDataTlsProfiles"] = TlsProfiles,
            ["InitDataGuestComponentsVersion"] = GuestComponentsVersion,
        },
        locations);
}
