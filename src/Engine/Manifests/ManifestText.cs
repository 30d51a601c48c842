using System.Text;
using Coco.InitData.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Coco.InitData.Manifests;

/// <summary>A manifest file as text and as parsed YAML documents, with the encoding details needed to write it back unchanged.</summary>
internal sealed class ManifestText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private ManifestText(string text, bool bom, IReadOnlyList<YamlDocument> documents, IReadOnlySet<string> referencedAnchors)
    {
        Text = text;
        ReferencedAnchors = referencedAnchors;
        HasBom = bom;
        Documents = documents;
        NewLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
    }

    public string Text { get; }

    public bool HasBom { get; }

    public string NewLine { get; }

    public IReadOnlyList<YamlDocument> Documents { get; }

    /// <summary>The anchors some alias refers to: a node carrying one of them is shared by every place that names it.</summary>
    public IReadOnlySet<string> ReferencedAnchors { get; }

    /// <summary>
    /// Parses the bytes within <see cref="ManifestLimits"/>; reports CID3050 (or a CID306x limit) with the line of the
    /// first problem and returns null. Never throws for any input.
    /// </summary>
    public static ManifestText? Parse(byte[] content, string displayPath, DiagnosticBag diagnostics)
    {
        var span = content.AsSpan();
        var bom = span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF });
        string text;
        try
        {
            text = StrictUtf8.GetString(bom ? span[3..] : span);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(MessageId.ManifestYamlInvalid, new SourceLocation(displayPath), displayPath, "it is not UTF-8 text");
            return null;
        }

        // The limits are checked on the event stream first: the object model below recurses and expands aliases.
        if (ManifestLimits.Check(text, displayPath, diagnostics) is not { } referenced)
        {
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return new ManifestText(text, bom, stream.Documents.ToList(), referenced);
        }
        catch (YamlException e)
        {
            // YamlDotNet's message repeats the position; the canonical location carries it instead.
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            var at = new SourceLocation(displayPath, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            diagnostics.Error(MessageId.ManifestYamlInvalid, at, displayPath, StripPosition(message));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            diagnostics.Error(MessageId.ManifestYamlInvalid, new SourceLocation(displayPath), displayPath, "the YAML loader failed (" + e.Message.TrimEnd('.') + ")");
            return null;
        }
    }

    /// <summary>Where a node starts, for messages.</summary>
    public static SourceLocation At(string displayPath, YamlNode node) =>
        new(displayPath, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>The text as bytes again, with the original BOM.</summary>
    public byte[] ToBytes(string text)
    {
        var body = StrictUtf8.GetBytes(text);
        return HasBom ? new byte[] { 0xEF, 0xBB, 0xBF }.Concat(body).ToArray() : body;
    }

    /// <summary>YamlDotNet's message without the position it repeats.</summary>
    internal static string StripPosition(string message)
    {
        // "(Line: 3, Col: 5, Idx: 20) - (Line: ...): While scanning ..." -> "While scanning ..."
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (marker >= 0 ? message[(marker + 3)..] : message).TrimEnd('.');
    }
}
