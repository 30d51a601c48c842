using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Coco.InitData.Diagnostics;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Certificates;

/// <summary>
/// A CA the user already has (<c>--ca-cert</c>, <c>--ca-key</c>): issuing from it keeps the CA, so the digest and every
/// node's <c>ca.crt</c> stay as they are. Refused unless the key is the certificate's, the certificate is a CA that may
/// sign certificates, and it is valid now.
/// </summary>
internal static class ExistingCertificateAuthority
{
    /// <summary>The CA certificate and its key, or null after reporting why not.</summary>
    public static (X509Certificate2 Certificate, AsymmetricAlgorithm Key)? Load(string certificatePath, string keyPath, DateTimeOffset now, Reporter reporter)
    {
        if (InputFile.Read(certificatePath, reporter, out _) is not { } certificateBytes || InputFile.Read(keyPath, reporter, out _) is not { } keyBytes)
        {
            return null;
        }

        X509Certificate2 certificate;
        AsymmetricAlgorithm key;
        try
        {
            certificate = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(certificateBytes));
            var keyText = Encoding.UTF8.GetString(keyBytes);
            key = certificate.GetKeyAlgorithm() switch
            {
                "1.2.840.113549.1.1.1" => Import(RSA.Create(), keyText),
                "1.2.840.10045.2.1" => Import(ECDsa.Create(), keyText),
                var other => throw new CryptographicException($"its key algorithm ({other}) is neither RSA nor ECDSA"),
            };
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            reporter.Error(MessageId.CertsCaUnreadable, new SourceLocation(certificatePath), certificatePath, keyPath, e.Message.TrimEnd('.'));
            return null;
        }

        var subject = certificate.Subject;
        if (!MatchesKey(certificate, key))
        {
            reporter.Error(MessageId.CertsCaUnreadable, new SourceLocation(keyPath), certificatePath, keyPath, $"the key is not the private key of '{subject}'");
            return null;
        }

        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        var problem = constraints is not { CertificateAuthority: true } ? "its basic constraints do not say CA:TRUE"
            : usage is not null && !usage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign) ? "its key usage lacks keyCertSign"
            : null;
        if (problem is not null)
        {
            reporter.Error(MessageId.CertsCaNotCa, new SourceLocation(certificatePath), certificatePath, subject, problem);
            return null;
        }

        if (now < certificate.NotBefore.ToUniversalTime() || now >= certificate.NotAfter.ToUniversalTime())
        {
            reporter.Error(MessageId.CertsCaNotValidNow, new SourceLocation(certificatePath), certificatePath, subject,
                Format(certificate.NotBefore), Format(certificate.NotAfter));
            return null;
        }

        return (certificate, key);
    }

    private static AsymmetricAlgorithm Import(AsymmetricAlgorithm key, string pem)
    {
        key.ImportFromPem(pem);
        return key;
    }

    // Signs a probe with the key and verifies it with the certificate's public key.
    private static bool MatchesKey(X509Certificate2 certificate, AsymmetricAlgorithm key)
    {
        var probe = RandomNumberGenerator.GetBytes(32);
        return key switch
        {
            RSA rsa => certificate.GetRSAPublicKey()?.VerifyData(probe, rsa.SignData(probe, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) == true,
            ECDsa ec => certificate.GetECDsaPublicKey()?.VerifyData(probe, ec.SignData(probe, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256) == true,
            _ => false,
        };
    }

    private static string Format(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
