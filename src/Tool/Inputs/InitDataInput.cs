using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Manifests;
using Coco.InitData.Tool.Output;
using Coco.InitData.Transport;

namespace Coco.InitData.Tool.Inputs;

/// <summary>
/// An initdata document however it was handed over: the TOML itself, an annotation value, or a manifest
/// carrying the annotation. The bytes are the exact ones the guest hashes; nothing is re-serialised.
/// </summary>
internal sealed class InitDataInput
{
    /// <summary>Both names the guest has read over time: a manifest may carry either.</summary>
    public static readonly string[] KnownAnnotationNames = { AnnotationKey.Default, AnnotationKey.Legacy };

    private InitDataInput(InputKind kind, byte[] documentBytes, string? annotation, string? annotationName, string displayPath)
    {
        Kind = kind;
        DocumentBytes = documentBytes;
        Annotation = annotation;
        AnnotationName = annotationName;
        DisplayPath = displayPath;
    }

    public InputKind Kind { get; }

    public byte[] DocumentBytes { get; }

    /// <summary>The annotation value, when the input carried one.</summary>
    public string? Annotation { get; }

    /// <summary>The annotation key found in a manifest.</summary>
    public string? AnnotationName { get; }

    public string DisplayPath { get; }

    /// <summary>The document as the guest reads it; null when <see cref="Problem"/> says why not.</summary>
    public ParsedInitData? Parsed { get; private init; }

    /// <summary>Why the guest would reject the document; empty when it is valid.</summary>
    public string Problem { get; private init; } = string.Empty;

    /// <summary>Reports CID4006 when the guest would reject the document; true when it is valid.</summary>
    public bool CheckDocument(Reporter reporter)
    {
        if (Parsed is not null)
        {
            return true;
        }

        reporter.Error(MessageId.ToolDocumentInvalid, new SourceLocation(DisplayPath), DisplayPath, Problem);
        return false;
    }

    /// <summary>As <see cref="Load"/>, and also null (exit code 1, CID4006) when the guest would reject the document.</summary>
    public static InitDataInput? LoadValid(string path, string? annotationName, Reporter reporter, out int exitCode)
    {
        var input = Load(path, annotationName, reporter, out exitCode);
        if (input is not null && !input.CheckDocument(reporter))
        {
            exitCode = ExitCodes.Findings;
            return null;
        }

        return input;
    }

    /// <summary>Reads and recognises the input; null after reporting (exit code in <paramref name="exitCode"/>).</summary>
    public static InitDataInput? Load(string path, string? annotationName, Reporter reporter, out int exitCode)
    {
        var bytes = InputFile.Read(path, reporter, out var displayPath);
        if (bytes is null)
        {
            exitCode = ExitCodes.Usage;
            return null;
        }

        exitCode = ExitCodes.Findings;
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var trimmed = text.Trim(' ', '\t', '\r', '\n');
        // Pasted from YAML or JSON with its quotes: say so rather than "not an annotation".
        if (trimmed.Length > 1 && trimmed[0] is '"' or '\'' && trimmed.TrimStart('"', '\'').StartsWith("H4sI", StringComparison.Ordinal))
        {
            reporter.Error(MessageId.ToolAnnotationQuoted, new SourceLocation(displayPath), displayPath, trimmed[0]);
            return null;
        }

        // Every annotation value starts with the base64 of gzip's magic bytes; a document never does.
        if (trimmed.StartsWith("H4sI", StringComparison.Ordinal))
        {
            return FromAnnotation(trimmed, displayPath, reporter, InputKind.Annotation, null);
        }

        // Parsed once here and kept: start-up time of digest is mostly this parse.
        if (InitDataDocumentReader.TryRead(bytes, out var parsed, out var problem) || InitDataDocumentReader.IsTomlProblem(problem))
        {
            return new InitDataInput(InputKind.Document, bytes, null, null, displayPath) { Parsed = parsed, Problem = problem };
        }

        // Not TOML and one word of base64 letters: an annotation value that is damaged, or not gzip.
        if (trimmed.Length > 0 && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '\r' or '\n' or ' ' or '\t'))
        {
            return FromAnnotation(trimmed, displayPath, reporter, InputKind.Annotation, null);
        }

        var names = annotationName is null ? KnownAnnotationNames : new[] { annotationName };
        var diagnostics = new DiagnosticBag();
        var found = ManifestAnnotationReader.Find(bytes, displayPath, names, diagnostics);
        if (found is null)
        {
            // Not TOML and not Kubernetes YAML: say both, with the YAML position when there is one.
            var first = diagnostics.Items.First(d => d.Severity == DiagnosticSeverity.Error);
            reporter.Error(MessageId.ToolInputUnrecognised, first.Location, displayPath, first.Code + ": " + first.Message);
            return null;
        }

        reporter.ReportAll(diagnostics.Items);
        if (found.Count == 0)
        {
            reporter.Error(MessageId.ToolManifestWithoutAnnotation, new SourceLocation(displayPath), displayPath, string.Join(" or ", names));
            return null;
        }

        if (found.Select(f => f.Value).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            reporter.Report(Diagnostic.Create(MessageId.ToolManifestAnnotationsDiffer, DiagnosticSeverity.Warning, found[0].Location, displayPath,
                found.Select(f => f.Value).Distinct(StringComparer.Ordinal).Count()));
        }

        return FromAnnotation(found[0].Value, displayPath, reporter, InputKind.Manifest, found[0]);
    }

    private static InitDataInput? FromAnnotation(string value, string displayPath, Reporter reporter, InputKind kind, FoundAnnotation? found)
    {
        if (!AnnotationCodec.TryDecode(value, out var document, out var problem))
        {
            reporter.Error(MessageId.ToolAnnotationInvalid, found?.Location ?? new SourceLocation(displayPath), displayPath, problem);
            return null;
        }

        InitDataDocumentReader.TryRead(document, out var parsed, out var invalid);
        return new InitDataInput(kind, document, value, found?.Name, displayPath) { Parsed = parsed, Problem = invalid };
    }
}
