using Coco.InitData.Diagnostics;

namespace Coco.InitData.Specification;

/// <summary>One <c>InitDataCertificate</c> item: an extra trust anchor not tied to one registry.</summary>
public sealed class CertificateDeclaration
{
    /// <summary>The file path as written.</summary>
    public required string Path { get; init; }

    /// <summary>Where the item was declared.</summary>
    public required SourceLocation DeclaredAt { get; init; }

    /// <summary>The folder a relative path is resolved against.</summary>
    public required string BaseDirectory { get; init; }
}
