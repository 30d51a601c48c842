using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Registries;

/// <summary>A validated <c>InitDataRegistry</c>: its name, its trust anchors and served chain, and how it is pulled.</summary>
public sealed class ResolvedRegistry
{
    /// <summary>The prefix.</summary>
    public required RegistryName Name { get; init; }

    /// <summary>Where it was declared.</summary>
    public required SourceLocation DeclaredAt { get; init; }

    /// <summary>Its CA certificates, in file order.</summary>
    public IReadOnlyList<LoadedCertificate> Authorities { get; init; } = Array.Empty<LoadedCertificate>();

    /// <summary>The chain it serves (leaf first), when given: checked, never embedded.</summary>
    public IReadOnlyList<LoadedCertificate> ServedChain { get; init; } = Array.Empty<LoadedCertificate>();

    /// <summary>Plain HTTP.</summary>
    internal bool Insecure { get; init; }

    /// <summary>Pulls are refused.</summary>
    internal bool Blocked { get; init; }

    /// <summary>Where the prefix is pulled from; null means the prefix itself.</summary>
    internal RegistryName? Location { get; init; }

    /// <summary>Mirrors for this registry, in declaration order.</summary>
    internal List<ResolvedMirror> Mirrors { get; } = new();

    /// <summary>True when the registry needs an <c>[[image.registry_config.registry]]</c> rule (an HTTPS registry pulled as is needs none).</summary>
    internal bool WritesRule => Insecure || Blocked || Location is not null || Mirrors.Count > 0;
}

/// <summary>A validated <c>InitDataRegistryMirror</c>.</summary>
/// <param name="Location">The mirror.</param>
/// <param name="Insecure">Plain HTTP.</param>
/// <param name="DeclaredAt">Where it was declared.</param>
internal sealed record ResolvedMirror(RegistryName Location, bool Insecure, SourceLocation DeclaredAt);
