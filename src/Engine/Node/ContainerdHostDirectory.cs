using System.Globalization;
using Coco.InitData.Registries;

namespace Coco.InitData.Node;

/// <summary>
/// The name of a registry's folder under containerd's <c>certs.d</c>. containerd looks for
/// <c>host_port_</c> first (its own escape of <c>:port</c>), then <c>host:port</c>, then <c>_default</c>;
/// <c>host_port_</c> is used because a ':' cannot be part of a file name when the build runs on Windows,
/// and containerd on Windows strips ':' and so finds the same name.
/// </summary>
internal static class ContainerdHostDirectory
{
    /// <summary>The folder of the per-host configuration under the output folder.</summary>
    public const string Root = Artifacts.ArtifactWriter.NodeFilesFolder;

    /// <summary><c>host</c>, or <c>host_port_</c> when the registry has a port; an IPv6 host keeps its brackets.</summary>
    public static string NameOf(RegistryName registry) =>
        registry.Port is { } port ? registry.Host + "_" + port.ToString(CultureInfo.InvariantCulture) + "_" : registry.Host;

    /// <summary>The '/'-separated path of a file in the registry's folder.</summary>
    public static string PathOf(RegistryName registry, string fileName) => Root + "/" + NameOf(registry) + "/" + fileName;
}
