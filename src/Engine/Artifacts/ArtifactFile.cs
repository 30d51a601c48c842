namespace Coco.InitData.Artifacts;

/// <summary>One output file: its path under the output folder ('/'-separated) and its exact bytes.</summary>
/// <param name="RelativePath">For example <c>initdata.toml</c> or <c>containerd/certs.d/host_5000/hosts.toml</c>.</param>
/// <param name="Content">The bytes to write.</param>
public sealed record ArtifactFile(string RelativePath, byte[] Content);
