using Coco.InitData.Diagnostics;

namespace Coco.InitData.Certificates;

/// <summary>
/// The trust store OpenSSL and .NET on Linux use when no CA is given (X509_STORE_set_default_paths): the bundle
/// file SSL_CERT_FILE names, else OPENSSLDIR/cert.pem, and every certificate file in the folders SSL_CERT_DIR
/// names (colon-separated), else OPENSSLDIR/certs. Each variable replaces only its own default, as both do.
/// </summary>
public sealed class SystemTrustStore
{
    /// <summary>OPENSSLDIR of the common distributions: Debian and Ubuntu, Fedora and RHEL, Alpine and Arch.</summary>
    private static readonly string[] OpenSslDirectories = { "/usr/lib/ssl", "/etc/pki/tls", "/etc/ssl" };

    private SystemTrustStore(string? file, IReadOnlyList<string> directories)
    {
        File = file;
        Directories = directories;
    }

    /// <summary>The bundle file read, or null when there is none.</summary>
    internal string? File { get; }

    /// <summary>The folders read.</summary>
    internal IReadOnlyList<string> Directories { get; }

    /// <summary>The store named by <paramref name="variable"/> (the process environment in the tool) and the OpenSSL defaults.</summary>
    public static SystemTrustStore FromEnvironment(Func<string, string?> variable)
    {
        var openSslDirectory = OpenSslDirectories.FirstOrDefault(Directory.Exists) ?? OpenSslDirectories[0];
        var file = variable("SSL_CERT_FILE") is { Length: > 0 } named ? named : Path.Combine(openSslDirectory, "cert.pem");
        var directories = variable("SSL_CERT_DIR") is { Length: > 0 } dirs
            ? dirs.Split(':', StringSplitOptions.RemoveEmptyEntries)
            : new[] { Path.Combine(openSslDirectory, "certs") };
        return new SystemTrustStore(System.IO.File.Exists(file) ? file : null, directories.Where(Directory.Exists).ToList());
    }

    /// <summary>"the system trust store (FILE and DIR)" for messages.</summary>
    public string Describe(int count)
    {
        var places = (File is null ? Array.Empty<string>() : new[] { File }).Concat(Directories).ToList();
        var where = places.Count == 0 ? "no file or folder found; set SSL_CERT_FILE or SSL_CERT_DIR" : string.Join(" and ", places);
        return $"the system trust store ({where}; {count} certificate(s))";
    }

    /// <summary>
    /// Every certificate of the store, each once. Files that hold no certificate (keys, CRLs, READMEs in the folder)
    /// are passed over silently, as OpenSSL and .NET pass them over.
    /// </summary>
    public IReadOnlyList<LoadedCertificate> Load()
    {
        var files = (File is null ? Array.Empty<string>() : new[] { File })
            .Concat(Directories.SelectMany(d => Directory.EnumerateFiles(d).Order(StringComparer.Ordinal)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<LoadedCertificate>();
        foreach (var file in files)
        {
            var ignored = new DiagnosticBag();
            foreach (var certificate in CertificateFileLoader.Load(file, file, "the system trust store", TrustAnchorRole.RegistryCertificateAuthority, new SourceLocation(file), ignored))
            {
                if (seen.Add(certificate.Fingerprint))
                {
                    result.Add(certificate);
                }
            }
        }

        return result;
    }

    /// <summary>The certificates of the store that could issue one of <paramref name="served"/> (same subject as its issuer): the ones a path can end at.</summary>
    public static List<LoadedCertificate> Issuing(IReadOnlyList<LoadedCertificate> store, IReadOnlyList<LoadedCertificate> served) =>
        store.Where(a => served.Any(s => s.Certificate.IssuerDN.Equivalent(a.Certificate.SubjectDN, true))).ToList();
}
