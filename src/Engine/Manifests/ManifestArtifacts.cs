using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Manifests;

/// <summary>The <c>k8s/</c> artifacts: each declared manifest with the annotation injected, for the build and the tool alike.</summary>
internal static class ManifestArtifacts
{
    /// <summary>The folder under the output path.</summary>
    public const string Folder = "k8s";

    /// <summary>Larger manifests are refused before parsing: no deployable manifest is near it.</summary>
    public const int MaxManifestBytes = 16 * 1024 * 1024;

    /// <summary>The annotated files, or null after reporting an error.</summary>
    public static IReadOnlyList<ArtifactFile>? Build(
        IReadOnlyList<ManifestDeclaration> manifests, string displayBaseDirectory, string annotationName, string annotation, DiagnosticBag diagnostics)
    {
        var files = new List<ArtifactFile>();
        var targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var failed = false;
        foreach (var manifest in manifests)
        {
            var full = InputFiles.Resolve(manifest.BaseDirectory, manifest.Path);
            var display = InputFiles.DisplayPath(displayBaseDirectory, full);
            var relative = Folder + "/" + manifest.OutputName.Replace('\\', '/').TrimStart('/');
            if (targets.TryGetValue(relative, out var other))
            {
                diagnostics.Error(MessageId.ManifestOutputCollision, manifest.DeclaredAt, other, display, relative);
                failed = true;
                continue;
            }

            targets.Add(relative, display);
            if (!InputFiles.TryReadBytes(full, display, "InitDataManifest", manifest.DeclaredAt, MaxManifestBytes, diagnostics, out var bytes))
            {
                failed = true;
                continue;
            }

            // Findings point at the manifest file itself, where the YAML problem is.
            var annotated = ManifestAnnotator.Annotate(bytes, full, annotationName, annotation, diagnostics);
            if (annotated is null)
            {
                failed = true;
                continue;
            }

            files.Add(new ArtifactFile(relative, annotated.Content));
        }

        return failed ? null : files;
    }
}
