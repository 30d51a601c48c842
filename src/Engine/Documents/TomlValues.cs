using Tomlyn.Syntax;

namespace Coco.InitData.Documents;

/// <summary>
/// TOML 1.0 string values built as Tomlyn syntax nodes, so that no value can change the structure of the
/// document it is written into: quotes, newlines and <c>'''</c> are escaped by the library, not by us.
/// </summary>
internal static class TomlValues
{
    /// <summary>A basic string, escaped by Tomlyn (TOML 1.0 escapes only).</summary>
    public static ValueSyntax Basic(string value) => new StringValueSyntax(value);

    /// <summary>
    /// A multi-line literal string (<c>'''</c> + newline + content + <c>'''</c>) when the content allows one,
    /// else an escaped basic string. Literal strings cannot hold <c>'''</c> or control characters other than
    /// tab and LF, and content ending in a quote would run into the closing delimiter.
    /// </summary>
    public static ValueSyntax MultiLineLiteralOrBasic(string value)
    {
        if (!CanBeMultiLineLiteral(value))
        {
            return Basic(value);
        }

        // Token only: the value constructor would escape the whole text again just to throw it away.
        return new StringValueSyntax { Token = new SyntaxToken(TokenKind.StringLiteralMulti, "'''\n" + value + "'''") };
    }

    /// <summary>
    /// A multi-line basic string for PEM text. Only called with PEM we encoded ourselves (base64, dashes,
    /// letters, spaces, LF), which needs no escape; anything else falls back to an escaped basic string.
    /// </summary>
    public static ValueSyntax Pem(string pem)
    {
        foreach (var c in pem)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or ' ' or '\n'))
            {
                return Basic(pem);
            }
        }

        return new StringValueSyntax { Token = new SyntaxToken(TokenKind.StringMulti, "\"\"\"\n" + pem + "\"\"\"") };
    }

    /// <summary>An array of values on one line, items separated by ", ".</summary>
    public static ArraySyntax Array(IEnumerable<ValueSyntax> values)
    {
        var array = new ArraySyntax
        {
            OpenBracket = SyntaxFactory.Token(TokenKind.OpenBracket),
            CloseBracket = SyntaxFactory.Token(TokenKind.CloseBracket),
        };
        var items = values.ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var item = new ArrayItemSyntax { Value = items[i] };
            if (i < items.Count - 1)
            {
                item.Comma = SyntaxFactory.Token(TokenKind.Comma);
                item.Comma.TrailingTrivia = new List<SyntaxTrivia> { SyntaxFactory.Whitespace() };
            }

            array.Items.Add(item);
        }

        return array;
    }

    /// <summary>A <c>[table]</c> header, preceded by a blank line unless it opens the document.</summary>
    public static TableSyntax Table(string dottedName, bool blankLineBefore)
    {
        var table = new TableSyntax(DottedKey(dottedName));
        if (blankLineBefore)
        {
            table.OpenBracket!.LeadingTrivia = new List<SyntaxTrivia> { SyntaxFactory.NewLineTrivia() };
        }

        return table;
    }

    /// <summary>A <c>[[array.of.tables]]</c> header, preceded by a blank line.</summary>
    public static TableArraySyntax TableArray(string dottedName)
    {
        var table = new TableArraySyntax(DottedKey(dottedName));
        table.OpenBracket!.LeadingTrivia = new List<SyntaxTrivia> { SyntaxFactory.NewLineTrivia() };
        return table;
    }

    // Key parts here are our own bare words (image, registry_config, ...), never user input.
    private static KeySyntax DottedKey(string dottedName)
    {
        var parts = dottedName.Split('.');
        var key = new KeySyntax(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            key.DotKeys.Add(new DottedKeyItemSyntax(parts[i]));
        }

        return key;
    }

    private static bool CanBeMultiLineLiteral(string value)
    {
        if (value.Contains("'''", StringComparison.Ordinal) || value.EndsWith('\''))
        {
            return false;
        }

        foreach (var c in value)
        {
            if ((char.IsControl(c) && c is not '\t' and not '\n'))
            {
                return false;
            }
        }

        return true;
    }
}
