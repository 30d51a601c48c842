using System.Text;
using System.Text.Json;
using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tasks;

/// <summary>
/// The warnings of the last generation, kept beside its stamp (<c>&lt;stamp&gt;.warnings</c>, one JSON object a line):
/// a build that skips generation replays them (<see cref="ReplayInitDataWarnings"/>), so an expiring certificate or a
/// plain-HTTP registry is not said once and then never again. Absent when the generation warned of nothing, so a
/// clean project's build with nothing to do pays one existence check.
/// </summary>
internal static class RecordedWarnings
{
    /// <summary>What the warnings file of a stamp is called.</summary>
    public static string PathFor(string stamp) => stamp + ".warnings";

    /// <summary>Writes the warnings of a generation, or removes the file when there are none; false after reporting.</summary>
    public static bool Write(string stamp, IEnumerable<Diagnostic> findings, DiagnosticBag diagnostics)
    {
        var path = PathFor(stamp);
        var warnings = findings.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        if (warnings.Count == 0)
        {
            AtomicFile.TryDelete(path);
            return true;
        }

        var text = new StringBuilder();
        foreach (var warning in warnings)
        {
            text.Append(JsonSerializer.Serialize(new Recorded(warning.Code, warning.Message, warning.Location.File, warning.Location.Line, warning.Location.Column))).Append('\n');
        }

        return AtomicFile.Write(path, Encoding.UTF8.GetBytes(text.ToString()), diagnostics);
    }

    /// <summary>
    /// The recorded warnings; empty when the file is missing, not a regular file or not ours (a restored obj/ can hold
    /// anything: a line that is not a recorded warning of ours is passed over).
    /// </summary>
    public static IReadOnlyList<Diagnostic> Read(string path)
    {
        var bag = new DiagnosticBag();
        if (!InputFiles.TryReadText(path, path, "recorded warnings", new SourceLocation(path), 1024 * 1024, bag, out var text))
        {
            return Array.Empty<Diagnostic>();
        }

        var warnings = new List<Diagnostic>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                if (JsonSerializer.Deserialize<Recorded>(line) is { Code: { } code, Message: { } message } recorded && code.StartsWith("CID", StringComparison.Ordinal))
                {
                    warnings.Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, new SourceLocation(recorded.File ?? string.Empty, recorded.Line, recorded.Column)));
                }
            }
            catch (JsonException)
            {
                // Not a line of ours.
            }
        }

        return warnings;
    }

    private sealed record Recorded(string? Code, string? Message, string? File, int Line, int Column);
}
