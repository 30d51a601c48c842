using System.Collections.Concurrent;
using System.Net;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace Coco.InitData.Testing;

/// <summary>
/// Makes certificates at fixed dates with BouncyCastle, at test time: nothing that expires is committed,
/// no private key is in the repository. Keys are cached per kind (RSA generation is slow).
/// </summary>
public static class TestPki
{
    /// <summary>Every fixture is valid from here; tests validate at <see cref="ValidationTime"/>.</summary>
    public static readonly DateTime Epoch = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A fixed "now" for tests: inside the default validity window.</summary>
    public static readonly DateTimeOffset ValidationTime = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<KeyKind, AsymmetricCipherKeyPair> Keys = new();
    private static readonly SecureRandom Random = new();
    private static long _serial = 1000;

    /// <summary>A key of the kind; the same kind gives the same cached key unless <paramref name="fresh"/>.</summary>
    public static AsymmetricCipherKeyPair KeyOf(KeyKind kind, bool fresh = false) =>
        fresh ? Generate(kind) : Keys.GetOrAdd(kind, Generate);

    /// <summary>A CA:TRUE root.</summary>
    public static TestCertificate Root(string cn = "Test Root CA", KeyKind key = KeyKind.EcP256) =>
        Create(new CertificateSpec { Subject = $"CN={cn},O=Coco.InitData tests", Key = key });

    /// <summary>A CA:FALSE server certificate with SANs and EKU serverAuth, issued by <paramref name="issuer"/>.</summary>
    public static TestCertificate Server(TestCertificate issuer, string[] dns, string[]? ips = null, KeyKind key = KeyKind.EcP256) =>
        Create(new CertificateSpec
        {
            Subject = $"CN={(dns.Length > 0 ? dns[0] : ips![0])}",
            Issuer = issuer,
            Key = key,
            IsCa = false,
            KeyUsageBits = KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment,
            ExtendedKeyUsages = new[] { KeyPurposeID.id_kp_serverAuth },
            DnsNames = dns,
            IpAddresses = ips ?? Array.Empty<string>(),
            NotAfter = Epoch.AddYears(2),
        });

    /// <summary>Makes a certificate as the spec says.</summary>
    public static TestCertificate Create(CertificateSpec spec)
    {
        var key = spec.Issuer is null ? KeyOf(spec.Key) : KeyOf(spec.Key, fresh: spec.Key is KeyKind.EcP256 or KeyKind.EcP384 or KeyKind.Ed25519);
        var signingKey = spec.Issuer?.Key ?? key;
        var subject = new X509Name(spec.Subject);
        var issuer = spec.Issuer?.Certificate.SubjectDN ?? subject;
        var serial = BigInteger.ValueOf(Interlocked.Increment(ref _serial));
        ISignatureFactory signer = spec.PssSaltLength is { } salt
            ? new PssSignatureFactory(signingKey.Private, salt, spec.PssExplicitTrailer, spec.PssSha384)
            : new Asn1SignatureFactory(spec.SignatureAlgorithm ?? DefaultSignature(signingKey), signingKey.Private, Random);

        if (spec.Version1)
        {
            var v1 = new X509V1CertificateGenerator();
            v1.SetSerialNumber(serial);
            v1.SetIssuerDN(issuer);
            v1.SetSubjectDN(subject);
            v1.SetNotBefore(spec.NotBefore);
            v1.SetNotAfter(spec.NotAfter);
            v1.SetPublicKey(key.Public);
            return new TestCertificate(v1.Generate(signer), key);
        }

        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(serial);
        generator.SetIssuerDN(issuer);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(spec.NotBefore);
        generator.SetNotAfter(spec.NotAfter);
        generator.SetPublicKey(key.Public);
        if (!spec.NoKeyIdentifiers)
        {
            generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(key.Public));
        }

        if (spec.Issuer is not null && !spec.NoKeyIdentifiers)
        {
            generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(spec.Issuer.Certificate));
        }

        if (spec.IsCa is { } isCa)
        {
            var constraints = isCa && spec.PathLength is { } length ? new BasicConstraints(length) : new BasicConstraints(isCa);
            generator.AddExtension(X509Extensions.BasicConstraints, true, constraints);
        }

        if (spec.KeyUsageBits is { } bits)
        {
            generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(bits));
        }

        if (spec.ExtendedKeyUsages is { } ekus)
        {
            generator.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(ekus));
        }

        var names = spec.DnsNames.Select(d => new GeneralName(GeneralName.DnsName, d))
            .Concat(spec.IpAddresses.Select(ip => new GeneralName(GeneralName.IPAddress, new DerOctetString(IPAddress.Parse(ip).GetAddressBytes()))))
            .Concat(spec.EmailAddresses.Select(e => new GeneralName(GeneralName.Rfc822Name, e)))
            .Concat(spec.Uris.Select(u => new GeneralName(GeneralName.UniformResourceIdentifier, u)))
            .ToArray();
        if (names.Length > 0)
        {
            generator.AddExtension(X509Extensions.SubjectAlternativeName, false, new GeneralNames(names));
        }

        if (spec.PermittedDnsNames.Length > 0 || spec.ExcludedDnsNames.Length > 0 || spec.PermittedDirectoryName is not null
            || spec.PermittedEmails.Length > 0 || spec.PermittedIpRanges.Length > 0 || spec.PermittedUriHosts.Length > 0)
        {
            var permitted = spec.PermittedDnsNames.Select(d => new GeneralSubtree(new GeneralName(GeneralName.DnsName, d)))
                .Concat(spec.PermittedEmails.Select(e => new GeneralSubtree(new GeneralName(GeneralName.Rfc822Name, e))))
                .Concat(spec.PermittedUriHosts.Select(u => new GeneralSubtree(new GeneralName(GeneralName.UniformResourceIdentifier, u))))
                .Concat(spec.PermittedIpRanges.Select(r => new GeneralSubtree(new GeneralName(GeneralName.IPAddress,
                    new DerOctetString(r.Split('/').SelectMany(part => IPAddress.Parse(part).GetAddressBytes()).ToArray())))))
                .ToList();
            if (spec.PermittedDirectoryName is { } directory)
            {
                permitted.Add(new GeneralSubtree(new GeneralName(new X509Name(directory))));
            }

            var excluded = spec.ExcludedDnsNames.Select(d => new GeneralSubtree(new GeneralName(GeneralName.DnsName, d))).ToList();
            generator.AddExtension(X509Extensions.NameConstraints, true, new NameConstraints(permitted.Count > 0 ? new GeneralSubtrees(permitted.ToArray()) : null, excluded.Count > 0 ? new GeneralSubtrees(excluded.ToArray()) : null));
        }

        if (spec.CriticalCertificatePolicies)
        {
            generator.AddExtension(X509Extensions.CertificatePolicies, true, new DerSequence(new PolicyInformation(new DerObjectIdentifier("2.5.29.32.0"))));
        }

        if (spec.PaddingExtensionBytes > 0)
        {
            generator.AddExtension(new DerObjectIdentifier("1.3.6.1.4.1.55555.2"), false, new DerOctetString(new byte[spec.PaddingExtensionBytes]));
        }

        if (spec.UnknownCriticalExtension)
        {
            generator.AddExtension(new DerObjectIdentifier("1.3.6.1.4.1.55555.1"), true, DerNull.Instance);
        }

        return new TestCertificate(generator.Generate(signer), key);
    }

    private static string DefaultSignature(AsymmetricCipherKeyPair key) => key.Private switch
    {
        RsaKeyParameters => "SHA256WITHRSA",
        ECPrivateKeyParameters ec when ec.Parameters.Curve.FieldSize > 384 => "SHA512WITHECDSA",
        ECPrivateKeyParameters ec when ec.Parameters.Curve.FieldSize > 256 => "SHA384WITHECDSA",
        ECPrivateKeyParameters => "SHA256WITHECDSA",
        Ed25519PrivateKeyParameters => "Ed25519",
        _ => throw new ArgumentException("unsupported key"),
    };

    private static AsymmetricCipherKeyPair Generate(KeyKind kind)
    {
        switch (kind)
        {
            case KeyKind.Ed25519:
                var ed = new Ed25519KeyPairGenerator();
                ed.Init(new Ed25519KeyGenerationParameters(Random));
                return ed.GenerateKeyPair();
            case KeyKind.EcP256:
            case KeyKind.EcP384:
            case KeyKind.EcP521:
                var ec = new ECKeyPairGenerator();
                var curve = kind switch { KeyKind.EcP256 => "P-256", KeyKind.EcP384 => "P-384", _ => "P-521" };
                ec.Init(new ECKeyGenerationParameters(ECNamedCurveTable.GetOid(curve), Random));
                return ec.GenerateKeyPair();
            default:
                var bits = kind switch { KeyKind.Rsa1024 => 1024, KeyKind.Rsa2048 => 2048, KeyKind.Rsa3072 => 3072, _ => 4096 };
                var rsa = new RsaKeyPairGenerator();
                rsa.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), Random, bits, 80));
                return rsa.GenerateKeyPair();
        }
    }
}
