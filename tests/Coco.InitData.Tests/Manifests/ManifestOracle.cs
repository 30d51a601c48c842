using System.Text;
using System.Text.Json;
using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;

namespace Coco.InitData.Tests.Manifests;

/// <summary>Annotates in process and reads the result back with Python (PyYAML, or json as kubectl reads a file starting with '{').</summary>
internal static class ManifestOracle
{
    public const string Key = "io.katacontainers.config.hypervisor.cc_init_data";
    public const string Value = "H4sIAAAAAAAC/wMAAAAAAAAAAAA=";

    /// <summary>The annotator's result for a manifest text, with its findings.</summary>
    public static (AnnotatedManifest? Result, DiagnosticBag Findings) Annotate(string text, string path = "m.yaml")
    {
        var bag = new DiagnosticBag();
        return (ManifestAnnotator.Annotate(Encoding.UTF8.GetBytes(text), path, Key, Value, bag), bag);
    }

    /// <summary>The annotated text; fails the test with the findings when the annotator refused it.</summary>
    public static string Annotated(string text)
    {
        var (result, findings) = Annotate(text);
        Assert.True(result is not null, string.Join("\n", findings.Items.Select(d => d.ToCanonicalString())));
        Assert.DoesNotContain(findings.Items, d => d.Severity == DiagnosticSeverity.Error);
        return Encoding.UTF8.GetString(result.Content);
    }

    /// <summary>Each object's kind, name and annotation value (null when absent) as Python reads the text.</summary>
    public static List<(string Kind, string? Name, string? Annotation)> Read(string text, bool asJson = false)
    {
        var missing = RealTools.MissingReason("python3");
        Skip.If(missing is not null, missing);
        using var directory = new TempDirectory("cid-oracle");
        var file = directory.Write("m.yaml", text);
        var arguments = asJson ? new[] { Key, "--json", file } : new[] { Key, file };
        return PythonOracle.Run("pod_template_annotations.py", arguments)[0].EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("name").GetString(), Text(e.GetProperty("annotation"))))
            .ToList();
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
