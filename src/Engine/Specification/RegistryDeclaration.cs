using Coco.InitData.Diagnostics;

namespace Coco.InitData.Specification;

/// <summary>One <c>InitDataRegistry</c> item as declared, not yet validated.</summary>
public sealed class RegistryDeclaration
{
    /// <summary>The registry prefix as written: <c>host[:port][/namespace...]</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Where the item was declared.</summary>
    public required SourceLocation DeclaredAt { get; init; }

    /// <summary>The folder relative file paths of this item are resolved against.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Raw <c>CertificateAuthority</c> metadata: PEM files separated by ';'.</summary>
    public string? CertificateAuthority { get; init; }

    /// <summary>Raw <c>ServerCertificate</c> metadata: the chain the registry serves (checked, never embedded).</summary>
    internal string? ServerCertificate { get; init; }

    /// <summary>Raw <c>Insecure</c> metadata: plain HTTP.</summary>
    public string? Insecure { get; init; }

    /// <summary>Raw <c>Location</c> metadata: where the prefix is really pulled from.</summary>
    internal string? Location { get; init; }

    /// <summary>Raw <c>Blocked</c> metadata.</summary>
    public string? Blocked { get; init; }
}
