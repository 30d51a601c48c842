using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Coco.InitData.Manifests;

/// <summary>
/// Text edits that add or set one key in a parsed YAML document without re-serialising it. Inside flow
/// collections the new text is JSON (quoted keys and values), which is YAML too: kubectl sends a file that starts
/// with '{' to its JSON decoder, so a JSON manifest must stay JSON.
/// </summary>
internal sealed class YamlSplice
{
    private readonly string _text;
    private readonly string _newLine;

    /// <summary>Edits for <paramref name="text"/>, whose line ending is <paramref name="newLine"/>.</summary>
    public YamlSplice(string text, string newLine)
    {
        _text = text;
        _newLine = newLine;
    }

    /// <summary>
    /// Adds <paramref name="entry"/> as the first entry of <paramref name="mapping"/>. In block style it goes on its own
    /// line above the first key and above the comment lines right over that key, so no comment is parted from its key;
    /// a document's own first key keeps the comments over it (they describe the document).
    /// </summary>
    public TextEdit AddFirst(YamlMappingNode mapping, NewEntry entry, bool isDocumentRoot)
    {
        var key = mapping.Children.Count == 0 ? -1 : (int)mapping.Children.First().Key.Start.Index;
        var lineStart = key < 0 ? -1 : LineStart(key);
        var prefix = key < 0 ? string.Empty : _text[lineStart..key];
        if (mapping.Style == YamlDotNet.Core.Events.MappingStyle.Flow || key < 0)
        {
            if (key > 0 && lineStart > (int)mapping.Start.Index && prefix.Trim().Length == 0)
            {
                // Pretty-printed JSON: a line of its own, indented as the next key.
                return new TextEdit(lineStart, 0, prefix + entry.Flow() + "," + _newLine);
            }

            // Start is the '{': the entry goes right after it, followed by a comma when others remain.
            var separator = key < 0 ? string.Empty : ", ";
            return new TextEdit((int)mapping.Start.Index + 1, 0, entry.Flow() + separator);
        }

        var explicitKey = prefix.TrimEnd().EndsWith('?');
        var at = explicitKey ? prefix.LastIndexOf('?') + lineStart : key;
        if (prefix.Trim() is "" or "?")
        {
            // The key starts its line: insert whole lines above it (and above its comments).
            var indent = at - lineStart;
            var line = isDocumentRoot ? lineStart : AboveComments(lineStart);
            return new TextEdit(line, 0, Spaces(indent) + entry.Block(indent, _newLine) + _newLine);
        }

        // The key shares its line with a sequence dash ("- name: x"): insert there and indent the old key again.
        var column = at - lineStart;
        return new TextEdit(at, 0, entry.Block(column, _newLine) + _newLine + Spaces(column));
    }

    /// <summary>Replaces a null value (empty, <c>~</c>, <c>null</c>, <c>!!null</c>) under <paramref name="key"/> with a mapping holding <paramref name="entry"/>.</summary>
    public TextEdit FillNull(YamlNode key, YamlScalarNode value, NewEntry entry, bool inFlow)
    {
        var (start, end) = Span(value);
        if (start < end || inFlow)
        {
            // An explicit null token: the mapping takes its place, written as flow.
            return new TextEdit(start, end - start, (start > 0 && _text[start - 1] == ':' ? " " : string.Empty) + "{" + entry.Flow() + "}");
        }

        var column = (int)key.Start.Column - 1;
        if (ColonBefore(start) is { } colon)
        {
            // "metadata:" or "metadata: # comment": the block goes on the next lines, after the comment.
            return new TextEdit(LineEnd(colon), 0, _newLine + Spaces(column + 2) + entry.Block(column + 2, _newLine));
        }

        // "? metadata" with no value at all: give it one on the next line.
        var question = QuestionColumn(key);
        return new TextEdit(LineEnd((int)key.End.Index), 0, _newLine + Spaces(question) + ":" + _newLine + Spaces(column + 2) + entry.Block(column + 2, _newLine));
    }

    /// <summary>Sets the scalar under <paramref name="key"/> to <paramref name="value"/>, dropping any tag or anchor it had, keeping its quotes.</summary>
    public TextEdit SetScalar(YamlNode key, YamlScalarNode old, string value, bool inFlow)
    {
        var text = old.Style switch
        {
            ScalarStyle.SingleQuoted when !inFlow => "'" + value + "'",
            ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted => Quote(value),
            _ => inFlow ? Quote(value) : value,
        };
        var (start, end) = Span(old);
        if (start < end)
        {
            // A block scalar's span ends after its last line break; keep one so the next key stays on its own line.
            var tail = old.Style is ScalarStyle.Literal or ScalarStyle.Folded ? _newLine : string.Empty;
            return new TextEdit(start, end - start, text + tail);
        }

        if (ColonBefore(start) is { } colon)
        {
            // "key:" or "key: # comment": the value goes right after the colon, before any comment.
            return new TextEdit(colon + 1, 0, " " + text);
        }

        // "? key" with no value at all.
        return new TextEdit(LineEnd((int)key.End.Index), 0, _newLine + Spaces(QuestionColumn(key)) + ": " + text);
    }

    /// <summary>JSON's (and YAML's) double-quoted form of an annotation name or value, which holds no quote or backslash.</summary>
    public static string Quote(string text) => "\"" + text + "\"";

    // Where a scalar's text starts and ends, tag and anchor included. An empty scalar's reported end is the next
    // token (after the line break): only its own properties ("!!str", "&a") belong to it.
    private (int Start, int End) Span(YamlScalarNode scalar)
    {
        var start = (int)scalar.Start.Index;
        if (!string.IsNullOrEmpty(scalar.Value) || scalar.Style != ScalarStyle.Plain)
        {
            return (start, (int)scalar.End.Index);
        }

        var end = start;
        while (end < _text.Length && _text[end] is '!' or '&')
        {
            while (end < _text.Length && !char.IsWhiteSpace(_text[end]) && _text[end] is not (',' or '}' or ']'))
            {
                end++;
            }

            var next = end;
            while (next < _text.Length && _text[next] is ' ' or '\t')
            {
                next++;
            }

            if (next < _text.Length && _text[next] is '!' or '&')
            {
                end = next;
            }
        }

        return (start, end);
    }

    // The ':' of "key:" on the same line before an empty value, if the value has one.
    private int? ColonBefore(int index)
    {
        var i = index - 1;
        while (i >= 0 && _text[i] is ' ' or '\t')
        {
            i--;
        }

        return i >= 0 && _text[i] == ':' ? i : null;
    }

    private int QuestionColumn(YamlNode key)
    {
        var start = (int)key.Start.Index;
        var lineStart = LineStart(start);
        var question = _text.LastIndexOf('?', start - 1, start - lineStart);
        return (question >= 0 ? question : start) - lineStart;
    }

    // The start of the topmost comment-only line in the run of them directly above the line at lineStart.
    private int AboveComments(int lineStart)
    {
        while (lineStart > 0)
        {
            var previous = LineStart(lineStart - 1);
            if (!_text[previous..(lineStart - 1)].TrimStart().StartsWith('#'))
            {
                break;
            }

            lineStart = previous;
        }

        return lineStart;
    }

    private int LineStart(int index) => index == 0 ? 0 : _text.LastIndexOf('\n', index - 1) + 1;

    // The index of the line break (or the end of the text) of the line holding index: after any comment on it.
    private int LineEnd(int index)
    {
        var end = _text.IndexOf('\n', index);
        if (end < 0)
        {
            return _text.Length;
        }

        return end > 0 && _text[end - 1] == '\r' ? end - 1 : end;
    }

    private static string Spaces(int count) => new(' ', count);
}
