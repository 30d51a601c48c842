using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Coco.InitData.Tests.RealRegistry;

/// <summary>A one-layer image written as an OCI image layout by the test: no image is downloaded from anywhere.</summary>
public static class OciLayout
{
    /// <summary>Writes the layout under <paramref name="directory"/> with tag <paramref name="tag"/>; returns the manifest digest.</summary>
    public static string Write(string directory, string tag, string fileContent)
    {
        Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));

        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(fileContent);
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "hello.txt")
            {
                DataStream = new MemoryStream(bytes),
                ModificationTime = DateTimeOffset.UnixEpoch,
                Mode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            writer.WriteEntry(entry);
        }

        var layer = tar.ToArray();
        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(layer);
        }

        var layerGz = gz.ToArray();
        var layerDigest = Blob(directory, layerGz);
        var config = Encoding.UTF8.GetBytes(
            $$$"""{"architecture":"{{{Architecture()}}}","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:{{{Hex(layer)}}}"]}}""");
        var configDigest = Blob(directory, config);
        var manifest = Encoding.UTF8.GetBytes(
            $$$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{{configDigest}}}","size":{{{config.Length}}}},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{{layerDigest}}}","size":{{{layerGz.Length}}}}]}""");
        var manifestDigest = Blob(directory, manifest);
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        File.WriteAllText(Path.Combine(directory, "index.json"),
            $$$"""{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{manifestDigest}}}","size":{{{manifest.Length}}},"annotations":{"org.opencontainers.image.ref.name":"{{{tag}}}"}}]}""");
        return manifestDigest;
    }

    private static string Blob(string directory, byte[] content)
    {
        var hex = Hex(content);
        File.WriteAllBytes(Path.Combine(directory, "blobs", "sha256", hex), content);
        return "sha256:" + hex;
    }

    private static string Hex(byte[] content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    // containerd unpacks only images for the machine's platform.
    private static string Architecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
        _ => "amd64",
    };
}
