using Coco.InitData.Diagnostics;

namespace Coco.InitData.Specification;

/// <summary>One <c>InitDataRegistryMirror</c> item as declared, not yet validated.</summary>
public sealed class MirrorDeclaration
{
    /// <summary>The mirror location: <c>host[:port][/namespace...]</c>.</summary>
    public required string Location { get; init; }

    /// <summary>Where the item was declared.</summary>
    public required SourceLocation DeclaredAt { get; init; }

    /// <summary>Raw <c>Registry</c> metadata: the declared registry prefix this mirror serves.</summary>
    public string? Registry { get; init; }

    /// <summary>Raw <c>Insecure</c> metadata: plain HTTP to the mirror.</summary>
    internal string? Insecure { get; init; }
}
