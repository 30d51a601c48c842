using System.Text.Json;
using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Manifests;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Transport;
using YamlDotNet.RepresentationModel;

namespace Coco.InitData.Tool.DigestGate;

/// <summary>
/// The gate over a manifest: every pod template (as annotate finds them) must carry the expected initdata, under
/// the name asked for, and every other initdata annotation the kata runtime reads must agree with it.
/// </summary>
internal static class ManifestGate
{
    /// <summary>Reports each pod template that lacks the annotation (CID4062) or carries another document (CID4064); returns a verdict per template.</summary>
    public static IReadOnlyList<TemplateVerdict> Check(ManifestSurvey survey, string displayPath, string? annotationName, ExpectedDigest expected, DiagnosticBag findings)
    {
        var required = annotationName is null ? InitDataInput.KnownAnnotationNames : new[] { annotationName };
        var verdicts = new List<TemplateVerdict>();
        foreach (var entry in survey.Templates)
        {
            var template = entry.Template;
            if (BuiltWithMergeKey(template))
            {
                findings.Error(MessageId.ToolTemplateMergeKey, template.Location, template.Describe, displayPath);
                verdicts.Add(new TemplateVerdict(template, "refused", Array.Empty<(string, string?)>()));
                continue;
            }

            if (template.Owner is null)
            {
                continue; // No pod template at all: the API server refuses the object, annotate warns (CID3053).
            }

            var verdict = entry.HasRefusedValue ? "refused" : "expected";
            if (!entry.HasRefusedValue && !entry.Found.Any(f => required.Contains(f.Name, StringComparer.Ordinal)))
            {
                findings.Error(MessageId.ToolTemplateWithoutAnnotation, template.Location, template.Describe, displayPath, string.Join(" or ", required));
                verdict = "missing";
            }

            var annotations = new List<(string, string?)>();
            foreach (var annotation in entry.Found)
            {
                var place = $"The initdata annotation '{annotation.Name}' of {template.Describe}";
                var digest = Measure(annotation.Value, annotation.Location, place, displayPath, expected, findings, out var document);
                annotations.Add((annotation.Name, digest));
                if (digest is null)
                {
                    verdict = "refused";
                }
                else if (digest != expected.Text)
                {
                    var id = GenpolicyTrace.IsIn(document!) ? MessageId.ToolTemplateDigestMismatchGenpolicy : MessageId.ToolTemplateDigestMismatch;
                    findings.Error(id, annotation.Location, template.Describe, displayPath, annotation.Name, digest, expected.Text, expected.Source);
                    verdict = verdict == "expected" ? "mismatch" : verdict;
                }
            }

            verdicts.Add(new TemplateVerdict(template, verdict, annotations));
        }

        return verdicts;
    }

    /// <summary>
    /// The digest the TEE would be given for an annotation value (the document's own algorithm over its bytes), or
    /// null after reporting a value the runtimes refuse (CID4004) or read differently (split gzip members, CID4065).
    /// </summary>
    public static string? Measure(string value, SourceLocation location, string place, string displayPath, ExpectedDigest expected, DiagnosticBag findings, out byte[]? document)
    {
        document = null;
        if (!AnnotationCodec.TryDecodeAsRuntimes(value, out var decoding, out var invalid))
        {
            findings.Error(MessageId.ToolAnnotationInvalid, location, displayPath, invalid);
            return null;
        }

        if (decoding!.GzipMembers > 1)
        {
            findings.Error(MessageId.ToolGateGzipMembers, location, place, displayPath, decoding.GzipMembers);
            return null;
        }

        document = decoding.Document;
        return DigestOf(document, expected);
    }

    /// <summary>What the TEE measures: the document's own algorithm over its bytes (the expected one when it names none).</summary>
    public static string DigestOf(byte[] document, ExpectedDigest expected)
    {
        var algorithm = InitDataDocumentReader.TryRead(document, out var parsed, out _) ? parsed!.Algorithm : expected.Algorithm;
        return algorithm.Label(document);
    }

    /// <summary>The verdicts as the <c>podTemplates</c> array of verify --json.</summary>
    public static void WriteJson(Utf8JsonWriter json, IReadOnlyList<TemplateVerdict> verdicts)
    {
        json.WriteStartArray("podTemplates");
        foreach (var (template, verdict, annotations) in verdicts)
        {
            json.WriteStartObject();
            json.WriteString("kind", template.Kind);
            json.WriteString("name", template.Name);
            json.WriteString("file", template.Location.File);
            json.WriteNumber("line", template.Location.Line);
            json.WriteString("verdict", verdict);
            json.WriteStartArray("annotations");
            foreach (var (name, digest) in annotations)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("digest", digest);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // What the check cannot see through: a merge key on the way to the template, in its metadata or its annotations.
    private static bool BuiltWithMergeKey(PodTemplate template)
    {
        if (template.HasMergeKey)
        {
            return true;
        }

        var metadata = template.Owner is { } owner ? KubernetesObject.Child(owner, "metadata") as YamlMappingNode : null;
        var annotations = metadata is null ? null : KubernetesObject.Child(metadata, "annotations") as YamlMappingNode;
        return new[] { metadata, annotations }.Any(m => m is not null && PodTemplates.HasMergeKey(m));
    }
}
