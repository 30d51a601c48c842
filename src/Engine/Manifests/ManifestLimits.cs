using Coco.InitData.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Coco.InitData.Manifests;

/// <summary>
/// Checks a manifest's YAML event stream against hard limits before the object model is built. YamlDotNet's
/// parser is iterative (a state stack), but its object model and our walkers recurse and follow aliases: a
/// 30,000-deep flow sequence or a recursive alias overflows the stack and kills the process (and the build with
/// it), and "billion laughs" aliases take minutes. Every limit here is met by any real Kubernetes manifest.
/// </summary>
internal static class ManifestLimits
{
    /// <summary>Nesting of mappings and sequences; a Deployment with a CronJob-style template is under 20.</summary>
    public const int MaxDepth = 200;

    /// <summary>Nodes reached through aliases, counted as expanded: what a walker visits beyond the file's own nodes.</summary>
    public const int MaxAliasExpansion = 100_000;

    /// <summary>Documents in one file.</summary>
    public const int MaxDocuments = 100_000;

    /// <summary>Characters in one file (the task also refuses larger files before reading them).</summary>
    public const int MaxCharacters = 16 * 1024 * 1024;

    /// <summary>
    /// Walks the events once; reports the first limit or structural problem (CID3050, CID3060-CID3065) at its line and
    /// returns null, or returns the anchors that some alias refers to.
    /// </summary>
    public static HashSet<string>? Check(string text, string displayPath, DiagnosticBag diagnostics)
    {
        if (text.Length > MaxCharacters)
        {
            diagnostics.Error(MessageId.ManifestTooLarge, new SourceLocation(displayPath), displayPath, text.Length, MaxCharacters);
            return null;
        }

        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<OpenNode>();
        long expanded = 0;
        var documents = 0;
        var parser = new Parser(new StringReader(text));
        ParsingEvent? last = null;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current;
                switch (current)
                {
                    case DocumentStart:
                        if (++documents > MaxDocuments)
                        {
                            return Fail(diagnostics, MessageId.ManifestTooManyDocuments, displayPath, current, displayPath, MaxDocuments);
                        }

                        sizes.Clear(); // Anchors do not cross documents.
                        break;
                    case MappingStart mapping:
                        if (open.Count >= MaxDepth)
                        {
                            return Fail(diagnostics, MessageId.ManifestTooDeep, displayPath, current, displayPath, MaxDepth);
                        }

                        open.Push(new OpenNode(mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value, isMapping: true));
                        break;
                    case SequenceStart sequence:
                        if (open.Count >= MaxDepth)
                        {
                            return Fail(diagnostics, MessageId.ManifestTooDeep, displayPath, current, displayPath, MaxDepth);
                        }

                        open.Push(new OpenNode(sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value, isMapping: false));
                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty)
                        {
                            sizes[scalar.Anchor.Value] = 1;
                        }

                        if (AddChild(open, 1, scalar.Value) is { } duplicate)
                        {
                            return Fail(diagnostics, MessageId.ManifestDuplicateKey, displayPath, current, displayPath, duplicate);
                        }

                        break;
                    case AnchorAlias alias:
                        var name = alias.Value.Value;
                        if (open.Any(n => n.Anchor == name))
                        {
                            return Fail(diagnostics, MessageId.ManifestRecursiveAlias, displayPath, current, displayPath, name);
                        }

                        if (!sizes.TryGetValue(name, out var size))
                        {
                            return Fail(diagnostics, MessageId.ManifestYamlInvalid, displayPath, current, displayPath, $"the alias '*{name}' refers to no anchor before it");
                        }

                        referenced.Add(name);
                        expanded += size;
                        if (expanded > MaxAliasExpansion)
                        {
                            return Fail(diagnostics, MessageId.ManifestAliasExpansion, displayPath, current, displayPath, MaxAliasExpansion);
                        }

                        // An alias used as a key is never a plain key text: no duplicate check for it.
                        AddChild(open, size, null);
                        break;
                    case MappingEnd or SequenceEnd:
                        var node = open.Pop();
                        if (node.Anchor is not null)
                        {
                            sizes[node.Anchor] = node.Size;
                        }

                        AddChild(open, node.Size, null);
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            var at = new SourceLocation(displayPath, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            diagnostics.Error(MessageId.ManifestYamlInvalid, at, displayPath, ManifestText.StripPosition(message));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these for some malformed input (CRLF blank lines inside a flow mapping): where the
            // parser stopped is the best location there is.
            var mark = last?.End ?? Mark.Empty;
            var at = new SourceLocation(displayPath, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
            diagnostics.Error(MessageId.ManifestYamlInvalid, at, displayPath, "the YAML parser stopped after this point (" + e.Message.TrimEnd('.') + ")");
            return null;
        }

        return referenced;
    }

    // Adds a child of the given expanded size to the innermost open node; returns a repeated mapping key, if any.
    private static string? AddChild(Stack<OpenNode> open, long size, string? keyText)
    {
        if (open.Count == 0)
        {
            return null;
        }

        var parent = open.Peek();
        parent.Size += size;
        if (!parent.IsMapping)
        {
            return null;
        }

        var isKey = parent.Children % 2 == 0;
        parent.Children++;
        if (isKey && keyText is not null && !parent.Keys.Add(keyText))
        {
            return keyText;
        }

        return null;
    }

    private static HashSet<string>? Fail(DiagnosticBag diagnostics, MessageId id, string displayPath, ParsingEvent at, params object[] args)
    {
        diagnostics.Error(id, new SourceLocation(displayPath, (int)Math.Max(1, at.Start.Line), (int)Math.Max(1, at.Start.Column)), args);
        return null;
    }

    private sealed class OpenNode
    {
        public OpenNode(string? anchor, bool isMapping)
        {
            Anchor = anchor;
            IsMapping = isMapping;
        }

        public string? Anchor { get; }

        public bool IsMapping { get; }

        public long Size { get; set; } = 1;

        public long Children { get; set; }

        public HashSet<string> Keys => _keys ??= new HashSet<string>(StringComparer.Ordinal);

        private HashSet<string>? _keys;
    }
}
