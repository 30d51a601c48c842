using System.Globalization;
using System.Text.RegularExpressions;
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
internal sealed partial class InitDataInput
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

    /// <summary>Every initdata annotation a manifest carries (one per pod template); empty for other inputs.</summary>
    public IReadOnlyList<FoundAnnotation> AllAnnotations => Survey?.Found ?? Array.Empty<FoundAnnotation>();

    /// <summary>A manifest's pod templates and what each carries; null for other inputs.</summary>
    public ManifestSurvey? Survey { get; private init; }

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
    public static InitDataInput? LoadValid(string path, string? annotationName, Reporter reporter, out int exitCode, bool forGate = false)
    {
        var input = Load(path, annotationName, reporter, out exitCode, forGate);
        if (input is not null && input.Survey is not { Found.Count: 0 } && !input.CheckDocument(reporter))
        {
            exitCode = ExitCodes.Findings;
            return null;
        }

        return input;
    }

    /// <summary>Reads and recognises the input; null after reporting (exit code in <paramref name="exitCode"/>).</summary>
    /// <param name="path">The file, or '-' for standard input.</param>
    /// <param name="annotationName">The annotation a manifest must carry; null for any known name.</param>
    /// <param name="reporter">Where findings go.</param>
    /// <param name="exitCode">The exit code when null is returned.</param>
    /// <param name="forGate">
    /// For verify --expect-digest: a manifest is read for every known name besides <paramref name="annotationName"/>
    /// (the runtime reads them all), and one whose pod templates carry none is returned, without a document, for
    /// the gate to name each template.
    /// </param>
    public static InitDataInput? Load(string path, string? annotationName, Reporter reporter, out int exitCode, bool forGate = false)
    {
        var bytes = InputFile.Read(path, reporter, out var displayPath);
        if (bytes is null)
        {
            exitCode = ExitCodes.Usage;
            return null;
        }

        exitCode = ExitCodes.Findings;
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        if (string.IsNullOrWhiteSpace(text))
        {
            // Said as it is, not as the document the guest would refuse: an empty pipe is a mistake before this command.
            if (path == "-")
            {
                reporter.Error(MessageId.ToolStandardInputEmpty, new SourceLocation(displayPath));
            }
            else
            {
                reporter.Error(MessageId.ToolInputEmpty, new SourceLocation(displayPath), displayPath);
            }

            return null;
        }

        // A file's final line break is not part of the annotation; anything else is, as the kata runtime reads it.
        var trimmed = text.TrimEnd('\r', '\n');
        // Pasted from YAML or JSON with its quotes: say so rather than "not an annotation".
        var pasted = trimmed.Trim();
        if (pasted.Length > 1 && pasted[0] is '"' or '\'' && pasted.TrimStart('"', '\'').StartsWith("H4sI", StringComparison.Ordinal))
        {
            reporter.Error(MessageId.ToolAnnotationQuoted, new SourceLocation(displayPath), displayPath, pasted[0]);
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
            WarnAboutByteOrderMark(bytes, new SourceLocation(displayPath), displayPath, reporter);
            return new InitDataInput(InputKind.Document, bytes, null, null, displayPath) { Parsed = parsed, Problem = problem };
        }

        // Not TOML and one word of base64 letters: an annotation value that is damaged, or not gzip.
        if (trimmed.Length > 0 && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '\r' or '\n' or ' ' or '\t'))
        {
            return FromAnnotation(trimmed, displayPath, reporter, InputKind.Annotation, null);
        }

        var names = annotationName is null ? KnownAnnotationNames
            : forGate ? KnownAnnotationNames.Append(annotationName).Distinct(StringComparer.Ordinal).ToArray()
            : new[] { annotationName };
        var diagnostics = new DiagnosticBag();
        var survey = ManifestAnnotationReader.Survey(bytes, displayPath, names, diagnostics);
        if (survey is null)
        {
            // Not TOML and not Kubernetes YAML: say both, with the YAML position when there is one. A file YAML reads
            // as one plain value is what broken TOML looks like: then the TOML error, at its line, says more.
            if (OtherKind.Of(path, text) is { } other)
            {
                reporter.Error(other, new SourceLocation(displayPath), displayPath, path == "-" ? "FILE" : path);
                return null;
            }

            var first = diagnostics.Items.First(d => d.Severity == DiagnosticSeverity.Error);
            if (first.Code == "CID3051" && TomlPosition().Match(problem) is { Success: true } position)
            {
                var at = new SourceLocation(displayPath, int.Parse(position.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(position.Groups[2].Value, CultureInfo.InvariantCulture));
                reporter.Error(MessageId.ToolInputUnrecognised, at, displayPath, problem);
                return null;
            }

            reporter.Error(MessageId.ToolInputUnrecognised, first.Location, displayPath, first.Code + ": " + first.Message);
            return null;
        }

        reporter.ReportAll(diagnostics.Items);
        if (diagnostics.HasErrors && !forGate)
        {
            return null;
        }

        var found = survey.Found;
        if (found.Count == 0 && forGate && survey.Templates.Any(t => t.Template.Owner is not null))
        {
            return new InitDataInput(InputKind.Manifest, Array.Empty<byte>(), null, null, displayPath) { Survey = survey };
        }

        if (found.Count == 0)
        {
            reporter.Error(MessageId.ToolManifestWithoutAnnotation, new SourceLocation(displayPath), displayPath, string.Join(" or ", names));
            return null;
        }

        if (!forGate && found.Select(f => f.Value).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            reporter.Report(Diagnostic.Create(MessageId.ToolManifestAnnotationsDiffer, DiagnosticSeverity.Warning, found[0].Location, displayPath,
                found.Select(f => f.Value).Distinct(StringComparer.Ordinal).Count()));
        }

        var input = FromAnnotation(found[0].Value, displayPath, reporter, InputKind.Manifest, found[0]);
        return input is null ? null : new InitDataInput(input.Kind, input.DocumentBytes, input.Annotation, input.AnnotationName, displayPath)
        {
            Parsed = input.Parsed, Problem = input.Problem, Survey = survey,
        };
    }

    // The Go runtime's TOML reader (BurntSushi/toml v1.6.0 parse.go) reads over a BOM and measures it; the
    // cloud-api-adaptor's (pkg/initdata, go-toml v2.1.0) has no such step and refuses the document.
    private static void WarnAboutByteOrderMark(byte[] document, SourceLocation location, string displayPath, Reporter reporter)
    {
        if (document.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            reporter.Report(Diagnostic.Create(MessageId.AnnotationDocumentByteOrderMark, DiagnosticSeverity.Warning, location, displayPath));
        }
    }

    // Tomlyn's "(line,column) : error : ..." at the start of its message.
    [GeneratedRegex(@"\((\d{1,9}),(\d{1,9})\) : error", RegexOptions.CultureInvariant)]
    private static partial Regex TomlPosition();

    private static InitDataInput? FromAnnotation(string value, string displayPath, Reporter reporter, InputKind kind, FoundAnnotation? found)
    {
        var location = found?.Location ?? new SourceLocation(displayPath);
        if (!AnnotationCodec.TryDecodeAsRuntimes(value, out var decoding, out var problem))
        {
            reporter.Error(MessageId.ToolAnnotationInvalid, location, displayPath, problem);
            return null;
        }

        // The result is what the Go runtime reads; say where runtime-rs would not read the same.
        if (decoding!.HasLineBreaks)
        {
            reporter.Report(Diagnostic.Create(MessageId.AnnotationLineBreaks, DiagnosticSeverity.Warning, location, displayPath));
        }

        if (decoding.GzipMembers > 1)
        {
            reporter.Report(Diagnostic.Create(MessageId.AnnotationSeveralGzipMembers, DiagnosticSeverity.Warning, location, displayPath,
                decoding.GzipMembers, decoding.Document.Length, decoding.FirstMemberLength));
        }

        var document = decoding.Document;
        WarnAboutByteOrderMark(document, location, displayPath, reporter);
        InitDataDocumentReader.TryRead(document, out var parsed, out var invalid);
        return new InitDataInput(kind, document, value, found?.Name, displayPath) { Parsed = parsed, Problem = invalid };
    }
}
