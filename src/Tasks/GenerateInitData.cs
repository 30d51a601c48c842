using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.ProjectFiles;
using Coco.InitData.Settings;
using Coco.InitData.Specification;
using Coco.InitData.Tasks.ProjectFiles;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Coco.InitData.Tasks;

/// <summary>
/// Writes the initdata artifacts (initdata.toml, initdata.annotation, initdata.json, ...) from the project's
/// <c>InitDataRegistry</c>, <c>InitDataRegistryMirror</c>, <c>InitDataCertificate</c> and <c>InitDataManifest</c>
/// items and its settings. Fails the build, and writes nothing, on any error. An adapter of <see cref="InitDataPipeline"/>.
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

    // The settings: one parameter per row of the engine's SettingCatalog, named as its MSBuild property, passed by the
    // targets as Name="$(Name)" (generated from the catalog; DeclarationWiringTests keeps the two equal). MSBuild itself
    // reports a parameter the task does not have or one given twice. An empty value is "not set".
#pragma warning disable CS1591 // Each is described by its catalog row (SettingCatalog), printed in the reference.
    public string? InitDataAlgorithm { get; set; }
    public string? InitDataKbsUrl { get; set; }
    public string? InitDataKbcName { get; set; }
    public string? InitDataKbsCertificate { get; set; }
    public string? InitDataPolicyFile { get; set; }
    public string? InitDataRegistryCredentialsUri { get; set; }
    public string? InitDataImageSecurityPolicyUri { get; set; }
    public string? InitDataSigstoreConfigUri { get; set; }
    public string? InitDataHttpsProxy { get; set; }
    public string? InitDataHttpProxy { get; set; }
    public string? InitDataNoProxy { get; set; }
    public string? InitDataUnqualifiedSearchRegistries { get; set; }
    public string? InitDataAnnotationName { get; set; }
    public string? InitDataCertificateExpiryWarningDays { get; set; }
    public string? InitDataCertificateLifetimeWarningPercent { get; set; }
    public string? InitDataValidationTime { get; set; }
    public string? InitDataTlsProfiles { get; set; }
    public string? InitDataGuestComponentsVersion { get; set; }
    public string? InitDataKustomizeLabelSelector { get; set; }
#pragma warning restore CS1591

    /// <summary>
    /// What this project's InitData files in obj/ start with (<c>$(_InitDataFilePrefix)</c>: <c>obj/&lt;project&gt;.initdata.</c>):
    /// the set's list, lock and journal, the stamp written last (the generation target's output) and the "declares
    /// nothing" marker. Empty (a call written by hand) keeps the list in the output folder and records nothing.
    /// </summary>
    public string StateFilePrefix { get; set; } = string.Empty;

    /// <summary>
    /// The inputs cache (<c>$(_InitDataInputsCache)</c>): a file beside the stamp named by the hash of every setting and
    /// item, written with the stamp after a successful generation (see <see cref="GenerationState"/>). Empty: none.
    /// </summary>
    public string InputsCache { get; set; } = string.Empty;

    /// <summary>The document's digest, lowercase hex, prefixed by the algorithm (<c>sha256:5fbb...</c>).</summary>
    [Output]
    public string Digest { get; set; } = string.Empty;

    /// <summary>
    /// Every file written (full paths, escaped as item specs); the set's list in the output folder names the same files
    /// for a build that skips generation.
    /// </summary>
    [Output]
    public ITaskItem[] GeneratedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// True once the generation ran to success (also when there was nothing to write). An output the task only sets
    /// when it runs: MSBuild does not infer it for a skipped target, so the targets can tell a fresh list from the
    /// recorded one.
    /// </summary>
    [Output]
    public bool Generated { get; set; }

    /// <summary>
    /// Every input file the generation opened (certificates, policy, manifests). The targets' Inputs name the same files
    /// from the declarations, and a test keeps them covering this list.
    /// </summary>
    [Output]
    public ITaskItem[] InputFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            var settings = SettingValues();

            // Locations come from evaluating the project again (about 0.2 s): only when a finding points into a project
            // file (a certificate's finding already has its file and line), or an item written as a glob may have been
            // dropped. Generation is deterministic, so preparing again from located declarations finds the same things.
            // Kept over an XML look-up of DefiningProjectFullPath: only the evaluation knows which of several
            // definitions (conditions, imports, Update, Remove) made the item, and which globbed items it dropped.
            var declarationFiles = new HashSet<string>(DefiningFiles(), StringComparer.Ordinal) { ProjectFile, Path.GetFullPath(ProjectFile) };
            var prepared = GlobScan.MayHaveDroppedItems(ProjectFile, declarationFiles) ? null : InitDataPipeline.Prepare(Request(settings, locate: false));
            if (prepared is null || prepared.Diagnostics.Any(d => declarationFiles.Contains(d.Location.File)))
            {
                prepared = InitDataPipeline.Prepare(Request(settings, locate: true));
            }

            if (Bookkeeping() is { } books && !prepared.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                GenerationState.LeaveEarlierFolder(books, OutputPath, ProjectDirectory);
            }

            Report(prepared.Write());
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

    private GenerationRequest Request(IReadOnlyDictionary<string, string?> settings, bool locate)
    {
        var declarations = new TaskDeclarations(ProjectFile, Items(), settings, locate ? Locations : () => null);
        var dropped = new DiagnosticBag();
        if (locate && Locations() is { } locations)
        {
            // Items MSBuild dropped before the task could see them: only the evaluation knows they were declared.
            DroppedItems.Report(locations, dropped);
        }

        return new GenerationRequest
        {
            Specification = DeclarationReader.Read(declarations),
            Manifests = DeclarationReader.Manifests(declarations),
            OutputPath = OutputPath,
            Bookkeeping = Bookkeeping(),
            DeclaredIn = new SourceLocation(ProjectFile),
            EarlierFindings = dropped.Items,
        };
    }

    private void Report(GenerationOutcome outcome)
    {
        InputFiles = outcome.FilesRead.Select(ItemSpecs.ForFile).ToArray();
        var written = outcome.WrittenFiles ?? Array.Empty<string>();
        GeneratedFiles = written.Select(ItemSpecs.ForFile).ToArray();

        // Nothing declared writes no document (WrittenFiles is empty): no digest and no summary line.
        if (outcome.Summary is { } summary)
        {
            Digest = outcome.Digest!;
            Log.LogMessage(MessageImportance.High, summary);
        }

        var findings = new DiagnosticBag();
        findings.AddRange(outcome.Diagnostics);
        if (!findings.HasErrors && StateFilePrefix.Length > 0)
        {
            // Last, after the artifacts: what the next build compares with.
            GenerationState.Write(StatePrefix(), InputsCache.Length > 0 ? Path.Combine(ProjectDirectory, InputsCache) : null, outcome.Digest, findings.Items.ToList(), findings);
        }

        foreach (var diagnostic in findings.Items)
        {
            DiagnosticLogger.Log(Log, diagnostic);
        }

        Generated = !findings.HasErrors;
    }

    private string ProjectDirectory => Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;

    // Relative to the project, as MSBuild means it.
    private string StatePrefix() => Path.Combine(ProjectDirectory, StateFilePrefix);

    private SetBookkeeping? Bookkeeping() => StateFilePrefix.Length > 0 ? SetBookkeeping.WithPrefix(StatePrefix()) : null;

    private IEnumerable<string> DefiningFiles() =>
        new[] { Registries, RegistryMirrors, Certificates, Manifests }.SelectMany(items => items).Select(i => i.GetMetadata("DefiningProjectFullPath")).Distinct(StringComparer.Ordinal);

    private ProjectLocations? Locations() => (_evaluation ??= new ProjectEvaluation(ProjectFile, (BuildEngine as IBuildEngine6)?.GetGlobalProperties())).Locations;

    // Keyed by the item types the targets pass, so the engine's DeclarationReader maps them exactly as the tool maps an
    // evaluated project.
    private Dictionary<string, ITaskItem[]> Items() => new()
    {
        [DeclarationReader.RegistryItem] = Registries,
        [DeclarationReader.MirrorItem] = RegistryMirrors,
        [DeclarationReader.CertificateItem] = Certificates,
        [DeclarationReader.ManifestItem] = Manifests,
    };

    // Read by name from the catalog, so the catalog row and the parameter above are all a setting needs here.
    internal Dictionary<string, string?> SettingValues() => SettingCatalog.All.ToDictionary(
        s => s.Property,
        s => (string?)typeof(GenerateInitData).GetProperty(s.Property)!.GetValue(this),
        StringComparer.OrdinalIgnoreCase);
}
