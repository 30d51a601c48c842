namespace Coco.InitData.Specification;

/// <summary>The input files a specification names, resolved: what an incremental build must watch.</summary>
public static class ReferencedFiles
{
    /// <summary>Every file path the generator would read, full paths, in a stable order, without duplicates.</summary>
    public static IReadOnlyList<string> Of(InitDataSpecification spec)
    {
        var files = new List<string>();
        void AddList(string baseDirectory, string? list)
        {
            if (string.IsNullOrWhiteSpace(list))
            {
                return;
            }

            foreach (var path in list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                files.Add(InputFiles.Resolve(baseDirectory, path));
            }
        }

        foreach (var registry in spec.Registries)
        {
            AddList(registry.BaseDirectory, registry.CertificateAuthority);
            AddList(registry.BaseDirectory, registry.ServerCertificate);
        }

        foreach (var certificate in spec.Certificates)
        {
            AddList(certificate.BaseDirectory, certificate.Path);
        }

        AddList(spec.BaseDirectory, spec.KbsCertificate?.Value);
        AddList(spec.BaseDirectory, spec.PolicyFile?.Value);
        return files.Distinct(StringComparer.Ordinal).ToList();
    }
}
