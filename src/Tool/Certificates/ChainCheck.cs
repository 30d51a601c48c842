using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Tool.Certificates;

/// <summary>Runs the engine's certificate rules on anchors and, with a host, a served chain: the same rules as the build's ServerCertificate.</summary>
internal static class ChainCheck
{
    public static CertificateVerdicts Run(IReadOnlyList<LoadedCertificate> anchors, IReadOnlyList<LoadedCertificate> chain, RegistryName? host, ValidationOptions options, DiagnosticBag diagnostics)
    {
        var registries = host is null
            ? Array.Empty<ResolvedRegistry>()
            : new[] { new ResolvedRegistry { Name = host, DeclaredAt = SourceLocation.None, Authorities = anchors, ServedChain = chain } };
        return CertificateChecks.Run(anchors, null, registries, options, diagnostics);
    }

    /// <summary>Loads each file's certificates, findings against the file.</summary>
    public static List<LoadedCertificate> Load(IEnumerable<string> files, string kind, TrustAnchorRole role, DiagnosticBag diagnostics)
    {
        var here = Directory.GetCurrentDirectory();
        var result = new List<LoadedCertificate>();
        foreach (var file in files)
        {
            var full = Path.GetFullPath(file);
            result.AddRange(CertificateFileLoader.Load(full, InputFiles.DisplayPath(here, full), kind, role, new SourceLocation(file), diagnostics));
        }

        return result;
    }
}
