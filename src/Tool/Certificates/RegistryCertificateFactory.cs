using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Coco.InitData.Tool.Certificates;

/// <summary>
/// A private CA and a registry server certificate in the one shape rustls, OpenSSL and Go all accept:
/// CA:TRUE root with keyCertSign; CA:FALSE leaf with a SAN for every host and IP, EKU serverAuth, SHA-256.
/// </summary>
internal static class RegistryCertificateFactory
{
    /// <summary>A new CA and a server certificate it issues for <paramref name="hosts"/>.</summary>
    public static (X509Certificate2 Ca, AsymmetricAlgorithm CaKey, X509Certificate2 Server, AsymmetricAlgorithm ServerKey) Create(
        IReadOnlyList<string> hosts, string caName, bool rsa, DateTimeOffset notBefore, int caDays, int serverDays)
    {
        var caKey = NewKey(rsa);
        var caRequest = Request("CN=" + caName, caKey);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(notBefore, notBefore.AddDays(caDays));
        var (server, serverKey) = Issue(hosts, ca, caKey, rsa, notBefore, serverDays);
        return (ca, caKey, server, serverKey);
    }

    /// <summary>A server certificate for <paramref name="hosts"/> issued by an existing CA, valid no longer than the CA.</summary>
    public static (X509Certificate2 Server, AsymmetricAlgorithm ServerKey) Issue(
        IReadOnlyList<string> hosts, X509Certificate2 ca, AsymmetricAlgorithm caKey, bool rsa, DateTimeOffset notBefore, int serverDays)
    {
        var serverKey = NewKey(rsa);
        var serverRequest = Request("CN=" + hosts[0], serverKey);
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        // RSA key exchange needs keyEncipherment; ECDSA signs only.
        var usage = X509KeyUsageFlags.DigitalSignature | (rsa ? X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.None);
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        var san = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            if (IPAddress.TryParse(host, out var ip))
            {
                san.AddIpAddress(ip);
            }
            else
            {
                san.AddDnsName(host);
            }
        }

        serverRequest.CertificateExtensions.Add(san.Build(critical: false));
        serverRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(serverRequest.PublicKey, false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: HasSubjectKeyIdentifier(ca), includeIssuerAndSerial: !HasSubjectKeyIdentifier(ca)));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // A positive serial, as RFC 5280 asks.
        var notAfter = notBefore.AddDays(serverDays);
        var caNotAfter = new DateTimeOffset(ca.NotAfter.ToUniversalTime());
        var server = serverRequest.Create(ca.SubjectName, Generator(caKey), notBefore, notAfter < caNotAfter ? notAfter : caNotAfter, serial);
        return (server, serverKey);
    }

    /// <summary>The default name of a new CA: after the server it is made for, so two unrelated CAs never share a name.</summary>
    public static string DefaultCaName(string server)
    {
        // A common name holds at most 64 characters (RFC 5280 ub-common-name).
        var name = "coco-initdata CA for " + server;
        return name.Length <= 64 ? name : name[..64];
    }

    private static bool HasSubjectKeyIdentifier(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Any();

    private static AsymmetricAlgorithm NewKey(bool rsa) => rsa ? RSA.Create(3072) : ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static CertificateRequest Request(string subject, AsymmetricAlgorithm key) => key switch
    {
        RSA r => new CertificateRequest(subject, r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ECDsa e => new CertificateRequest(subject, e, HashAlgorithmName.SHA256),
        _ => throw new ArgumentException("unsupported key", nameof(key)),
    };

    private static X509SignatureGenerator Generator(AsymmetricAlgorithm key) => key switch
    {
        RSA r => X509SignatureGenerator.CreateForRSA(r, RSASignaturePadding.Pkcs1),
        ECDsa e => X509SignatureGenerator.CreateForECDsa(e),
        _ => throw new ArgumentException("unsupported key", nameof(key)),
    };
}
