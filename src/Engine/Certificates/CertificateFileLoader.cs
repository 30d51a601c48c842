using System.Text;
using Coco.InitData.Diagnostics;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using X509Certificate = Org.BouncyCastle.X509.X509Certificate;

namespace Coco.InitData.Certificates;

/// <summary>
/// Reads trust-anchor and chain files: PEM with any number of CERTIFICATE blocks, or one DER certificate.
/// A private key, any other block or a broken certificate is an error at the line of its BEGIN (rules A1-A2, A6).
/// </summary>
public static class CertificateFileLoader
{
    /// <summary>Larger inputs are refused before parsing: no trust-anchor file is this big, and a hostile one must not cost memory.</summary>
    internal const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Loads every certificate of a file, reporting problems to <paramref name="diagnostics"/>.</summary>
    /// <param name="fullPath">The resolved path.</param>
    /// <param name="displayPath">The path relative to the project, for artifacts.</param>
    /// <param name="kind">What the file is called in messages (for example <c>CertificateAuthority</c>).</param>
    /// <param name="role">Why the file was given.</param>
    /// <param name="declaredAt">The item or property that named the file.</param>
    /// <param name="diagnostics">Where findings go.</param>
    public static IReadOnlyList<LoadedCertificate> Load(
        string fullPath, string displayPath, string kind, TrustAnchorRole role, SourceLocation declaredAt, DiagnosticBag diagnostics)
    {
        if (!InputFiles.TryReadBytes(fullPath, displayPath, kind, declaredAt, MaxFileBytes, diagnostics, out var bytes))
        {
            return Array.Empty<LoadedCertificate>();
        }

        return Parse(bytes, new SourceLocation(fullPath), displayPath, kind, role, diagnostics);
    }

    /// <summary>
    /// As <see cref="Load"/>, for bytes already in memory (a certificate embedded in a document): the same checks,
    /// every problem a coded finding at <paramref name="fileLocation"/> and the line of its block, never an exception.
    /// </summary>
    internal static IReadOnlyList<LoadedCertificate> Parse(
        byte[] bytes, SourceLocation fileLocation, string displayPath, string kind, TrustAnchorRole role, DiagnosticBag diagnostics)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            // A .cer/.der export: one binary certificate and nothing else.
            if (bytes.Length > 0 && bytes[0] == 0x30 && TryParse(bytes, out var derCert, out _))
            {
                var loaded = new LoadedCertificate(bytes, derCert!, fileLocation, displayPath, role);
                if (TryDecodeContents(loaded, out var derReason))
                {
                    return new[] { loaded };
                }

                diagnostics.Error(MessageId.CertificateUnparseable, fileLocation, displayPath, derReason);
                return Array.Empty<LoadedCertificate>();
            }

            diagnostics.Error(MessageId.NoCertificateInFile, fileLocation, kind, displayPath);
            return Array.Empty<LoadedCertificate>();
        }

        var blocks = PemReader.Read(text, out var structureProblem);
        var result = new List<LoadedCertificate>();
        var failed = false;
        foreach (var block in blocks)
        {
            var at = fileLocation.AtLine(block.Line);
            if (block.IsPrivateKey)
            {
                diagnostics.Error(MessageId.PrivateKeyInFile, at, displayPath, block.Label);
                failed = true;
                continue;
            }

            if (block.Label != "CERTIFICATE")
            {
                diagnostics.Error(MessageId.NonCertificateBlock, at, displayPath, block.Label);
                failed = true;
                continue;
            }

            var der = new byte[(block.Body.Length * 3 / 4) + 3];
            if (block.HasHeaders || !Convert.TryFromBase64String(block.Body, der, out var length))
            {
                diagnostics.Error(MessageId.CertificateUnparseable, at, displayPath, "its base64 text is damaged");
                failed = true;
                continue;
            }

            der = der[..length];
            if (!TryParse(der, out var certificate, out var reason))
            {
                diagnostics.Error(MessageId.CertificateUnparseable, at, displayPath, reason);
                failed = true;
                continue;
            }

            var loadedBlock = new LoadedCertificate(der, certificate!, at, displayPath, role);
            if (!TryDecodeContents(loadedBlock, out reason))
            {
                diagnostics.Error(MessageId.CertificateUnparseable, at, displayPath, reason);
                failed = true;
                continue;
            }

            result.Add(loadedBlock);
        }

        if (structureProblem is not null)
        {
            diagnostics.Error(MessageId.PemStructureInvalid, fileLocation, displayPath, structureProblem);
            failed = true;
        }

        if (result.Count == 0 && !failed)
        {
            diagnostics.Error(MessageId.NoCertificateInFile, fileLocation, kind, displayPath);
        }

        return result;
    }

    /// <summary>
    /// Decodes what BouncyCastle parses lazily (extensions, public key structure, signature bits), so a certificate
    /// with a damaged extension is a coded finding here and never an exception in the rules.
    /// </summary>
    private static bool TryDecodeContents(LoadedCertificate certificate, out string reason)
    {
        try
        {
            _ = certificate.Facts;
            _ = certificate.Certificate.CertificateStructure.Signature.GetOctets();
            _ = certificate.Certificate.CertificateStructure.TbsCertificate.GetDerEncoded();
            reason = string.Empty;
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Any decoding failure of attacker-controlled bytes is the same finding: the stacks refuse the certificate too.
            reason = "its extensions, public key or signature cannot be decoded: " + e.Message.TrimEnd('.');
            return false;
        }
    }

    /// <summary>Parses one DER certificate; the reason is in words a user can act on, not BouncyCastle's.</summary>
    public static bool TryParse(byte[] der, out X509Certificate? certificate, out string reason)
    {
        certificate = null;
        try
        {
            // FromByteArray refuses trailing bytes after the certificate ("trailing garbage").
            var asn1 = Asn1Object.FromByteArray(der);
            var structure = X509CertificateStructure.GetInstance(asn1);
            certificate = new X509Certificate(structure);
            reason = string.Empty;
            return true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or FormatException
            or InvalidOperationException or Org.BouncyCastle.Security.Certificates.CertificateException
            or Org.BouncyCastle.Asn1.Asn1Exception or IndexOutOfRangeException or OverflowException)
        {
            reason = e.Message.Contains("extra data", StringComparison.OrdinalIgnoreCase)
                ? "bytes follow the end of the certificate"
                : "its DER structure is not an X.509 certificate";
            return false;
        }
    }
}
