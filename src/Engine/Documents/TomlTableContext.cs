using System.Runtime.ExceptionServices;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Coco.InitData.Documents;

/// <summary>
/// Reading TOML into Tomlyn's own table model through generated metadata, not reflection: the same parse, and it
/// compiles with Native AOT (the tool's native build treats trim and AOT warnings as errors).
/// </summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlTableContext : TomlSerializerContext
{
    /// <summary>The text as a table; a syntax error is the parser's own <see cref="TomlException"/>, at its line and column.</summary>
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
