using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Tests.Certificates;

/// <summary>The certificate shapes the rule tests start from; each test changes one thing.</summary>
public static class Shapes
{
    public const string Host = "registry.example.internal";

    public static TestCertificate Root(string cn = "Test Root CA", KeyKind key = KeyKind.EcP256) => TestPki.Root(cn, key);

    public static CertificateSpec IntermediateSpec(TestCertificate issuer, string cn = "Test Intermediate CA") => new()
    {
        Subject = $"CN={cn},O=Coco.InitData tests",
        Issuer = issuer,
        IsCa = true,
        NotAfter = TestPki.Epoch.AddYears(5),
    };

    public static TestCertificate Intermediate(TestCertificate issuer, string cn = "Test Intermediate CA") => TestPki.Create(IntermediateSpec(issuer, cn));

    public static CertificateSpec LeafSpec(TestCertificate issuer, string host = Host) => new()
    {
        Subject = $"CN={host}",
        Issuer = issuer,
        IsCa = false,
        KeyUsageBits = KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment,
        ExtendedKeyUsages = new[] { KeyPurposeID.id_kp_serverAuth },
        DnsNames = new[] { host },
        NotAfter = TestPki.Epoch.AddYears(2),
    };

    public static TestCertificate Leaf(TestCertificate issuer, string host = Host) => TestPki.Create(LeafSpec(issuer, host));

    /// <summary>What <c>openssl req -x509 -addext subjectAltName=...</c> makes: a self-signed CA:TRUE server certificate.</summary>
    public static TestCertificate SelfSignedCaServer(string host = Host) => TestPki.Create(new CertificateSpec
    {
        Subject = $"CN={host}",
        IsCa = true,
        DnsNames = new[] { host },
        Key = KeyKind.EcP384,
    });

    /// <summary>A look-alike of the seed page's AMD VCEK: signed by an "ASK" with RSA-PSS (SHA-384, salt 48, explicit trailer), no basicConstraints, no SAN.</summary>
    public static TestCertificate VcekLookAlike()
    {
        var ask = TestPki.Create(new CertificateSpec { Subject = "CN=SEV-Milan,OU=Engineering,O=Advanced Micro Devices", Key = KeyKind.Rsa2048 });
        return TestPki.Create(new CertificateSpec
        {
            Subject = "CN=SEV-VCEK,OU=Engineering,O=Advanced Micro Devices",
            Issuer = ask,
            Key = KeyKind.EcP384,
            IsCa = null,
            KeyUsageBits = null,
            PssSaltLength = 48,
            PssSha384 = true,
            PssExplicitTrailer = true,
        });
    }
}
