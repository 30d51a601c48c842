using Coco.InitData.Diagnostics;

namespace Coco.InitData.Manifests;

/// <summary>One Kubernetes manifest to annotate, however a front end names and reads it.</summary>
/// <param name="OutputName">Its file name in the output folder ('/'-separated); two that differ only in case collide.</param>
/// <param name="DisplayPath">How messages name it.</param>
/// <param name="FindingsPath">The file a YAML finding points at.</param>
/// <param name="DeclaredAt">Where it was declared: a collision or an unreadable file is reported there.</param>
/// <param name="Read">Its bytes, or null after reporting why not.</param>
public sealed record ManifestInput(string OutputName, string DisplayPath, string FindingsPath, SourceLocation DeclaredAt, Func<DiagnosticBag, byte[]?> Read);
