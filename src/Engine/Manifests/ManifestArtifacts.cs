using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Manifests;

/// <summary>
/// Manifests with the annotation injected: the <c>k8s/</c> artifacts of the build and the files <c>annotate</c> writes,
/// through one loop and one output-name check.
/// </summary>
public static class ManifestArtifacts
{
    /// <summary>The folder under the output path.</summary>
    internal const string Folder = "k8s";

    /// <summary>Larger manifests are refused before parsing: no deployable manifest is near it.</summary>
    internal const int MaxManifestBytes = 16 * 1024 * 1024;

    /// <summary>The declared manifests annotated under <c>k8s/</c>, or null after reporting an error.</summary>
    internal static IReadOnlyList<ArtifactFile>? Build(
        IReadOnlyList<ManifestDeclaration> manifests, string displayBaseDirectory, string annotationName, string annotation, DiagnosticBag diagnostics) =>
        Annotate(manifests.Select(m => FromDeclaration(m, displayBaseDirectory)), Folder + "/", uniqueNames: true, annotationName, annotation, diagnostics);

    /// <summary>
    /// Each manifest with the annotation in every pod template, named <paramref name="prefix"/> and its output name; null
    /// after reporting an error. With <paramref name="uniqueNames"/> two manifests bound for one file name are an error
    /// (CID3056) before either is read.
    /// </summary>
    public static IReadOnlyList<ArtifactFile>? Annotate(
        IEnumerable<ManifestInput> manifests, string prefix, bool uniqueNames, string annotationName, string annotation, DiagnosticBag diagnostics)
    {
        var files = new List<ArtifactFile>();
        var targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var failed = false;
        foreach (var manifest in manifests)
        {
            var relative = prefix + manifest.OutputName.Replace('\\', '/').TrimStart('/');
            if (uniqueNames && !targets.TryAdd(relative, manifest.DisplayPath))
            {
                diagnostics.Error(MessageId.ManifestOutputCollision, manifest.DeclaredAt, targets[relative], manifest.DisplayPath, relative);
                failed = true;
                continue;
            }

            // Findings point at the manifest file itself, where the YAML problem is.
            var annotated = manifest.Read(diagnostics) is { } bytes ? ManifestAnnotator.Annotate(bytes, manifest.FindingsPath, annotationName, annotation, diagnostics) : null;
            if (annotated is null)
            {
                failed = true;
                continue;
            }

            files.Add(new ArtifactFile(relative, annotated.Content));
        }

        return failed ? null : files;
    }

    private static ManifestInput FromDeclaration(ManifestDeclaration manifest, string displayBaseDirectory)
    {
        var full = InputFiles.Resolve(manifest.BaseDirectory, manifest.Path);
        var display = InputFiles.DisplayPath(displayBaseDirectory, full);
        return new ManifestInput(manifest.OutputName, display, full, manifest.DeclaredAt, diagnostics =>
            InputFiles.TryReadBytes(full, display, "InitDataManifest", manifest.DeclaredAt, MaxManifestBytes, diagnostics, out var bytes) ? bytes : null);
    }
}
