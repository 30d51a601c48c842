using System.Runtime.ExceptionServices;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Serialization;

namespace Coco.InitData.Documents;

/// <summary>
/// Reading TOML into Tomlyn's own table model through generated metadata, not reflection: the same parse, and it
/// compiles with Native AOT (the tool's native build treats trim and AOT warnings as errors).
/// </summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlTableContext : TomlSerializerContext
{
    /// <summary>
    /// TOML someone else wrote (a document to inspect or verify, its data entries), read as the guest reads it. TOML 1.0
    /// forbids defining a key or a table twice and the guest's parser (Rust's toml crate) refuses the whole document
    /// for it, but reading into a table keeps the last value: the syntax tree's semantic validation says so first, at the
    /// line and column of the second definition.
    /// </summary>
    public static TomlTable? ParseForeign(string text)
    {
        SyntaxParser.ParseStrict(text, sourceName: null, validate: true);
        return Parse(text);
    }

    /// <summary>
    /// TOML this engine rendered itself (the round-trip checks of generation, which runs on every build that generates):
    /// built from a dictionary, it cannot define a key twice, so it is parsed once. A syntax error is the parser's own
    /// <see cref="TomlException"/>, at its line and column.
    /// </summary>
    public static TomlTable? Parse(string text)
    {
        try
        {
            return TomlSerializer.Deserialize(text, Default.TomlTable);
        }
        catch (TomlException e) when (e.InnerException is TomlException parserError)
        {
            // Through generated metadata Tomlyn wraps the parser's error in one about converting the table, placed at the
            // last value read; the reflection path threw the parser's error itself, which is where the mistake is.
            ExceptionDispatchInfo.Capture(parserError).Throw();
            throw;
        }
    }
}
