using System.Text;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Containers;

/// <summary>
/// push-ca-bundle.pem: the system's roots and the CAs the project declares for the guest, for <c>SSL_CERT_FILE</c> when
/// the SDK pushes. .NET on Linux (like OpenSSL) reads that one file in place of the system bundle, so the push trusts
/// exactly what it trusted before plus the registry's CA, and the machine's store is never touched. Never part of the
/// initdata document: the guest's trust is the document's, not the build machine's.
/// </summary>
public static class PushCaBundle
{
    /// <summary>The file name beside the generated set.</summary>
    internal const string FileName = "push-ca-bundle.pem";

    /// <summary>
    /// The bundle's bytes: each certificate once (by fingerprint), the system's first, as canonical PEM; null after
    /// reporting a declared CA file that cannot be read. A store without any certificate is a warning (CID1058).
    /// </summary>
    /// <param name="store">The system trust store (<see cref="SystemTrustStore.FromEnvironment"/>).</param>
    /// <param name="declaredCaFiles">Full paths of the declared CA files (InitDataRegistry CertificateAuthority, InitDataCertificate).</param>
    /// <param name="declaredAt">Where the declarations are, for messages.</param>
    /// <param name="diagnostics">Where findings go.</param>
    public static byte[]? Render(SystemTrustStore store, IReadOnlyList<string> declaredCaFiles, SourceLocation declaredAt, DiagnosticBag diagnostics)
    {
        var system = store.Load();
        if (system.Count == 0)
        {
            diagnostics.Warning(MessageId.PushCaBundleNoSystemStore, declaredAt, store.Describe(0));
        }

        var declared = new List<LoadedCertificate>();
        foreach (var file in declaredCaFiles)
        {
            var errors = diagnostics.HasErrors;
            declared.AddRange(CertificateFileLoader.Load(file, file, "CertificateAuthority", TrustAnchorRole.RegistryCertificateAuthority, declaredAt, diagnostics));
            if (!errors && diagnostics.HasErrors)
            {
                return null;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var certificate in system.Concat(declared))
        {
            if (seen.Add(certificate.Fingerprint))
            {
                // The subject as a comment line: OpenSSL and .NET skip text outside the PEM blocks.
                text.Append("# ").Append(certificate.Subject.Replace('\n', ' ')).Append('\n');
                text.Append(CanonicalPem.Encode("CERTIFICATE", certificate.Der));
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
