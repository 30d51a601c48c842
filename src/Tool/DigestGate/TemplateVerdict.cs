using Coco.InitData.Manifests;

namespace Coco.InitData.Tool.DigestGate;

/// <summary>What the gate found in one pod template, for --json.</summary>
/// <param name="Template">The pod template.</param>
/// <param name="Verdict"><c>expected</c>, <c>missing</c>, <c>mismatch</c> or <c>refused</c> (a value or shape the gate cannot vouch for).</param>
/// <param name="Annotations">Each initdata annotation it carries and the digest of its document (null when it does not decode).</param>
internal sealed record TemplateVerdict(PodTemplate Template, string Verdict, IReadOnlyList<(string Name, string? Digest)> Annotations);
