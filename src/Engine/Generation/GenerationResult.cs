using Coco.InitData.Diagnostics;

namespace Coco.InitData.Generation;

/// <summary>The findings of a generation and, when there was no error, its artifacts.</summary>
/// <param name="Diagnostics">Every finding, in order.</param>
/// <param name="Artifacts">The artifacts; null when any error was reported.</param>
internal sealed record GenerationResult(IReadOnlyList<Diagnostic> Diagnostics, InitDataArtifacts? Artifacts)
{
    /// <summary>True when an error was reported (and nothing may be written).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
