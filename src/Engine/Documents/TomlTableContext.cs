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
}
