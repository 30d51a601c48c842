using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// Scenarios that an independent verifier (openssl verify, Go crypto/x509) judges too. Each has a served chain so
/// the verifier has a leaf to verify; anchor-shape scenarios serve a plain leaf issued by the anchor.
/// </summary>
internal static class OracleCases
{
    private static readonly Lazy<TestCertificate> SharedRoot = new(() => Shapes.Root("Oracle Root"));
    private static readonly Lazy<TestCertificate> SharedRsaRoot = new(() => Shapes.Root("Oracle RSA Root", KeyKind.Rsa2048));

    private static TestCertificate Root => SharedRoot.Value;

    private static TestCertificate RsaRoot => SharedRsaRoot.Value;

    public static readonly IReadOnlyDictionary<string, Func<CertificateCase>> All = new Dictionary<string, Func<CertificateCase>>(StringComparer.Ordinal)
    {
        ["valid leaf from root"] = () => Serve(Root, Shapes.Leaf(Root)),
        ["valid leaf through intermediate"] = () => Through(Shapes.IntermediateSpec(Root), i => Shapes.LeafSpec(i)),
        ["valid rsa-4096 root, rsa-2048 intermediate"] = () => Through(Shapes.IntermediateSpec(Shapes.Root("Big RSA Root", KeyKind.Rsa4096)) with { Key = KeyKind.Rsa2048 }, i => Shapes.LeafSpec(i)),
        ["valid ip registry with ip san"] = () => new CertificateCase().Anchor(Root).Serve("10.0.0.5:5000", TestPki.Server(Root, Array.Empty<string>(), new[] { "10.0.0.5" })),
        ["valid wildcard san"] = () => new CertificateCase().Anchor(Root).Serve("a.example.internal", TestPki.Create(Shapes.LeafSpec(Root) with { DnsNames = new[] { "*.example.internal" } })),
        ["B1 expired anchor"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=Expired Root", NotAfter = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }),
        ["B2 anchor not yet valid"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=Future Root", NotBefore = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc) }),
        ["B4 intermediate as anchor"] = () => IntermediateAsAnchor(),
        ["B5 ca-false anchor issuing the leaf"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=Not A CA", IsCa = false, DnsNames = new[] { "ca.example.internal" } }),
        ["B5 anchor without basic constraints issuing the leaf"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=No BC Root", IsCa = null, DnsNames = new[] { "ca.example.internal" } }),
        ["B5 anchor without basic constraints or key usage issuing the leaf"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=Bare Root", IsCa = null, KeyUsageBits = null, DnsNames = new[] { "ca.example.internal" } }),
        ["C6 self-signed server with a ca key usage only"] = () => SelfServed(TestPki.Create(Shapes.LeafSpec(null!) with { Issuer = null, KeyUsageBits = KeyUsage.KeyCertSign })),
        ["B6 anchor key usage without keyCertSign"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=KU Root", KeyUsageBits = KeyUsage.DigitalSignature }),
        ["B7 anchor eku clientAuth"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=EKU Root", ExtendedKeyUsages = new[] { KeyPurposeID.id_kp_clientAuth } }),
        ["B7 anchor anyExtendedKeyUsage"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=AnyEKU Root", ExtendedKeyUsages = new[] { KeyPurposeID.AnyExtendedKeyUsage } }),
        ["B8 anchor unknown critical extension"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=Critical Root", UnknownCriticalExtension = true }),
        ["B9 rsa-1024 anchor"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=Small Root", Key = KeyKind.Rsa1024 }),
        ["B9 p-521 anchor"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=P521 Root", Key = KeyKind.EcP521 }),
        ["B11 self-signed ca server served as itself"] = () => SelfServed(Shapes.SelfSignedCaServer()),
        ["B12 self-signed ca-false server served as itself"] = () => SelfServed(TestPki.Create(Shapes.LeafSpec(null!) with { Issuer = null })),
        ["B13 anchor pathLen 0 with one intermediate"] = () => Through(Shapes.IntermediateSpec(TestPki.Create(new CertificateSpec { Subject = "CN=PathLen Root", PathLength = 0 })), i => Shapes.LeafSpec(i)),
        ["B15 sha-1 self-signed root"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=SHA1 Root", Key = KeyKind.Rsa2048, SignatureAlgorithm = "SHA1WITHRSA" }),
        ["A4 anchor over 64 KiB"] = () => AnchorIssuing(new CertificateSpec { Subject = "CN=Huge Root", PaddingExtensionBytes = 70_000 }),
        ["B14 directoryName constraint, leaf subject outside"] = () => DirectoryConstrained("CN=registry.example.internal"),
        ["B14 directoryName constraint, leaf subject inside"] = () => DirectoryConstrained("O=Coco.InitData tests,CN=registry.example.internal"),
        ["C1 issued leaf pinned as its own anchor"] = () => PinnedLeaf(),
        ["C1 missing intermediate"] = () => new CertificateCase().Anchor(Root).Serve(Shapes.Host, Shapes.Leaf(Shapes.Intermediate(Root))),
        ["C1 chain ending in an undeclared self-signed root"] = () => ServedOwnRoot(Root),
        ["C2 wrong issuer key"] = () => new CertificateCase().Anchor(Shapes.Root("Twin CA", KeyKind.EcP256)).Serve(Shapes.Host, Shapes.Leaf(Shapes.Root("Twin CA", KeyKind.EcP384))),
        ["C3 expired intermediate"] = () => Through(Shapes.IntermediateSpec(Root) with { NotAfter = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc) }, i => Shapes.LeafSpec(i)),
        ["C3 leaf not yet valid"] = () => Serve(Root, TestPki.Create(Shapes.LeafSpec(Root) with { NotBefore = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc) })),
        ["C4 host not in san"] = () => new CertificateCase().Anchor(Root).Serve("other.example.internal", Shapes.Leaf(Root)),
        ["C4 host only in cn"] = () => Serve(Root, TestPki.Create(Shapes.LeafSpec(Root) with { DnsNames = Array.Empty<string>() })),
        ["C4 ip registry without ip san"] = () => new CertificateCase().Anchor(Root).Serve("10.0.0.5:5000", Shapes.Leaf(Root, "10.0.0.5")),
        ["C5 ca-true leaf"] = () => Serve(Root, TestPki.Create(Shapes.LeafSpec(Root) with { IsCa = true, KeyUsageBits = KeyUsage.DigitalSignature | KeyUsage.KeyCertSign })),
        ["C6 leaf eku clientAuth"] = () => Serve(Root, TestPki.Create(Shapes.LeafSpec(Root) with { ExtendedKeyUsages = new[] { KeyPurposeID.id_kp_clientAuth } })),
        ["C6 leaf anyExtendedKeyUsage only"] = () => Serve(Root, TestPki.Create(Shapes.LeafSpec(Root) with { ExtendedKeyUsages = new[] { KeyPurposeID.AnyExtendedKeyUsage } })),
        ["C7 leaf without eku"] = () => Serve(Root, TestPki.Create(Shapes.LeafSpec(Root) with { ExtendedKeyUsages = null })),
        ["C8 intermediate ca-false"] = () => Through(Shapes.IntermediateSpec(Root) with { IsCa = false }, i => Shapes.LeafSpec(i)),
        ["C8 intermediate without basic constraints"] = () => Through(Shapes.IntermediateSpec(Root) with { IsCa = null }, i => Shapes.LeafSpec(i)),
        ["C8 v1 intermediate"] = () => Through(Shapes.IntermediateSpec(Root) with { Version1 = true }, i => Shapes.LeafSpec(i)),
        ["C8 intermediate key usage without keyCertSign"] = () => Through(Shapes.IntermediateSpec(Root) with { KeyUsageBits = KeyUsage.DigitalSignature }, i => Shapes.LeafSpec(i)),
        ["C8 intermediate eku clientAuth"] = () => Through(Shapes.IntermediateSpec(Root) with { ExtendedKeyUsages = new[] { KeyPurposeID.id_kp_clientAuth } }, i => Shapes.LeafSpec(i)),
        ["C8 intermediate critical certificate policies"] = () => Through(Shapes.IntermediateSpec(Root) with { CriticalCertificatePolicies = true }, i => Shapes.LeafSpec(i)),
        ["C8 leaf unknown critical extension"] = () => Serve(Root, TestPki.Create(Shapes.LeafSpec(Root) with { UnknownCriticalExtension = true })),
        ["C8 intermediate pathLen exceeded"] = () => PathLenExceeded(),
        ["C9 seven intermediates"] = () => Deep(7),
        ["C10 sha-1 signed leaf"] = () => Serve(RsaRoot, TestPki.Create(Shapes.LeafSpec(RsaRoot) with { SignatureAlgorithm = "SHA1WITHRSA" })),
        ["C10 sha-224 signed leaf"] = () => Serve(RsaRoot, TestPki.Create(Shapes.LeafSpec(RsaRoot) with { SignatureAlgorithm = "SHA224WITHRSA" })),
        ["C10 md5 signed leaf"] = () => Serve(RsaRoot, TestPki.Create(Shapes.LeafSpec(RsaRoot) with { SignatureAlgorithm = "MD5WITHRSA" })),
        ["C10 rsa-1024 intermediate"] = () => Through(Shapes.IntermediateSpec(RsaRoot) with { Key = KeyKind.Rsa1024 }, i => Shapes.LeafSpec(i)),
        ["C8 intermediate anyExtendedKeyUsage"] = () => Through(Shapes.IntermediateSpec(Root) with { ExtendedKeyUsages = new[] { KeyPurposeID.AnyExtendedKeyUsage } }, i => Shapes.LeafSpec(i)),
        ["C12 intermediate name constraints violated"] = () => Through(Shapes.IntermediateSpec(Root) with { PermittedDnsNames = new[] { "other.test" } }, i => Shapes.LeafSpec(i)),
        ["C10 rsa-1024 leaf"] = () => Serve(RsaRoot, TestPki.Create(Shapes.LeafSpec(RsaRoot) with { Key = KeyKind.Rsa1024 })),
        ["C10 ecdsa-sha512 leaf"] = () => Serve(Root, TestPki.Create(Shapes.LeafSpec(Root) with { SignatureAlgorithm = "SHA512WITHECDSA" })),
        ["C10 ed25519 leaf"] = () => Serve(Root, TestPki.Create(Shapes.LeafSpec(Root) with { Key = KeyKind.Ed25519 })),
        ["C11 rsa-pss max salt"] = () => Serve(RsaRoot, TestPki.Create(Shapes.LeafSpec(RsaRoot) with { PssSaltLength = 222 })),
        ["C11 rsa-pss explicit trailer"] = () => Serve(RsaRoot, TestPki.Create(Shapes.LeafSpec(RsaRoot) with { PssSaltLength = 32, PssExplicitTrailer = true })),
        ["C11 rsa-pss canonical"] = () => Serve(RsaRoot, TestPki.Create(Shapes.LeafSpec(RsaRoot) with { PssSaltLength = 32 })),
        ["C12 name constraints violated"] = () => ConstrainedRoot("registry.other.test"),
        ["C12 name constraints satisfied"] = () => ConstrainedRoot(Shapes.Host),
        ["C4 ipv4-mapped ipv6 host, ipv4 san"] = () => new CertificateCase().Anchor(Root).Serve("[::ffff:10.0.0.5]:5000", TestPki.Server(Root, Array.Empty<string>(), new[] { "10.0.0.5" })),
        ["C4 ipv4 host, ipv4-mapped ipv6 san"] = () => new CertificateCase().Anchor(Root).Serve("10.0.0.5:5000", TestPki.Server(Root, Array.Empty<string>(), new[] { "::ffff:10.0.0.5" })),
        ["C12 rfc822Name constraint, leaf email san outside"] = () => EmailConstrained(Shapes.LeafSpec(EmailRoot) with { EmailAddresses = new[] { "admin@other.test" } }),
        ["C12 rfc822Name constraint, leaf email san inside"] = () => EmailConstrained(Shapes.LeafSpec(EmailRoot) with { EmailAddresses = new[] { "admin@example.internal" } }),
        ["C12 rfc822Name constraint, leaf subject emailAddress outside"] = () => EmailConstrained(Shapes.LeafSpec(EmailRoot) with { Subject = "CN=registry.example.internal,E=admin@other.test" }),
        ["C12 rfc822Name constraint, leaf without email"] = () => EmailConstrained(Shapes.LeafSpec(EmailRoot)),
        ["C12 non-contiguous ip mask, leaf ip inside"] = () => MaskConstrained("12.34.56.2:5000", TestPki.Server(MaskRoot, Array.Empty<string>(), new[] { "12.34.56.2" })),
        ["C12 non-contiguous ip mask, leaf ip outside"] = () => MaskConstrained("10.0.0.5:5000", TestPki.Server(MaskRoot, Array.Empty<string>(), new[] { "10.0.0.5" })),
        ["C12 non-contiguous ip mask, dns leaf"] = () => MaskConstrained(Shapes.Host, Shapes.Leaf(MaskRoot)),
        ["C12 URI constraint, leaf without uri"] = () => UriConstrained(Shapes.LeafSpec(UriRoot)),
        ["C12 URI constraint, leaf uri san inside"] = () => UriConstrained(Shapes.LeafSpec(UriRoot) with { Uris = new[] { "https://registry.example.internal/v2" } }),
        ["C12 ipv4-mapped ipv6 host, ipv4 san inside an ipv4 constraint"] = () => new CertificateCase().Anchor(Ipv4Root).Serve("[::ffff:12.34.56.78]:5000", TestPki.Server(Ipv4Root, Array.Empty<string>(), new[] { "12.34.56.78" })),
        ["C12 ipv4 host, ipv4-mapped ipv6 san under an ipv4 constraint"] = () => new CertificateCase().Anchor(Ipv4Root).Serve("12.34.56.78:5000", TestPki.Server(Ipv4Root, Array.Empty<string>(), new[] { "::ffff:12.34.56.78" })),
        ["C12 rfc822Name constraint, intermediate email san inside"] = () => Through(Shapes.IntermediateSpec(EmailRoot) with { EmailAddresses = new[] { "ca@example.internal" } }, i => Shapes.LeafSpec(i)),
        ["C12 URI constraint, intermediate uri san inside"] = () => Through(Shapes.IntermediateSpec(UriRoot) with { Uris = new[] { "https://registry.example.internal/ca" } }, i => Shapes.LeafSpec(i)),
        ["C12 non-contiguous ip mask, intermediate ip inside"] = () => Through(Shapes.IntermediateSpec(MaskRoot) with { IpAddresses = new[] { "12.34.56.2" } }, i => Shapes.LeafSpec(i)),
        ["C14 leaf named like its issuer without key identifiers"] = () => NamedLikeIssuer(keyIdentifiers: false),
        ["C14 leaf named like its issuer with key identifiers"] = () => NamedLikeIssuer(keyIdentifiers: true),
    };

    private static readonly Lazy<TestCertificate> SharedEmailRoot = new(() =>
        TestPki.Create(new CertificateSpec { Subject = "CN=Email Constrained Root", PermittedEmails = new[] { "example.internal" } }));

    private static readonly Lazy<TestCertificate> SharedMaskRoot = new(() =>
        TestPki.Create(new CertificateSpec { Subject = "CN=Mask Constrained Root", PermittedIpRanges = new[] { "12.34.56.0/255.255.255.1" } }));

    private static readonly Lazy<TestCertificate> SharedUriRoot = new(() =>
        TestPki.Create(new CertificateSpec { Subject = "CN=URI Constrained Root", PermittedUriHosts = new[] { "registry.example.internal" } }));

    private static readonly Lazy<TestCertificate> SharedIpv4Root = new(() =>
        TestPki.Create(new CertificateSpec { Subject = "CN=IPv4 Constrained Root", PermittedIpRanges = new[] { "12.34.56.0/255.255.255.0" } }));

    private static TestCertificate Ipv4Root => SharedIpv4Root.Value;

    private static TestCertificate UriRoot => SharedUriRoot.Value;

    private static TestCertificate EmailRoot => SharedEmailRoot.Value;

    private static TestCertificate MaskRoot => SharedMaskRoot.Value;

    public static IEnumerable<object[]> Names => All.Keys.Select(k => new object[] { k });

    private static CertificateCase Serve(TestCertificate root, params TestCertificate[] chain) =>
        new CertificateCase().Anchor(root).Serve(Shapes.Host, chain);

    private static CertificateCase Through(CertificateSpec intermediateSpec, Func<TestCertificate, CertificateSpec> leaf)
    {
        var intermediate = TestPki.Create(intermediateSpec);
        return new CertificateCase().Anchor(intermediateSpec.Issuer!).Serve(Shapes.Host, TestPki.Create(leaf(intermediate)), intermediate);
    }

    private static CertificateCase AnchorIssuing(CertificateSpec anchorSpec)
    {
        var anchor = TestPki.Create(anchorSpec);
        return Serve(anchor, Shapes.Leaf(anchor));
    }

    private static CertificateCase IntermediateAsAnchor()
    {
        var intermediate = Shapes.Intermediate(Shapes.Root("Unlisted Root"));
        return Serve(intermediate, Shapes.Leaf(intermediate));
    }

    private static CertificateCase SelfServed(TestCertificate certificate) => Serve(certificate, certificate);

    private static CertificateCase PathLenExceeded()
    {
        var upper = TestPki.Create(Shapes.IntermediateSpec(Root, "Upper CA") with { PathLength = 0 });
        var lower = Shapes.Intermediate(upper, "Lower CA");
        return Serve(Root, Shapes.Leaf(lower), lower, upper);
    }

    private static CertificateCase Deep(int depth)
    {
        var chain = new List<TestCertificate>();
        var issuer = Root;
        for (var i = 0; i < depth; i++)
        {
            issuer = Shapes.Intermediate(issuer, $"Deep {i} CA");
            chain.Insert(0, issuer);
        }

        return Serve(Root, chain.Prepend(Shapes.Leaf(issuer)).ToArray());
    }

    // The server sends its leaf and its own root; the anchor declared is another CA.
    private static CertificateCase ServedOwnRoot(TestCertificate declared)
    {
        var served = Shapes.Root("Served Root");
        return new CertificateCase().Anchor(declared).Serve(Shapes.Host, Shapes.Leaf(served), served);
    }

    private static CertificateCase PinnedLeaf()
    {
        var leaf = Shapes.Leaf(Shapes.Root("Undeclared Root"));
        return Serve(leaf, leaf);
    }

    private static CertificateCase DirectoryConstrained(string leafSubject)
    {
        var root = TestPki.Create(new CertificateSpec { Subject = "CN=Directory Constrained Root", PermittedDirectoryName = "O=Coco.InitData tests" });
        return Serve(root, TestPki.Create(Shapes.LeafSpec(root) with { Subject = leafSubject }));
    }

    private static CertificateCase EmailConstrained(CertificateSpec leaf) => Serve(EmailRoot, TestPki.Create(leaf));

    private static CertificateCase UriConstrained(CertificateSpec leaf) => Serve(UriRoot, TestPki.Create(leaf));

    private static CertificateCase MaskConstrained(string host, TestCertificate leaf) => new CertificateCase().Anchor(MaskRoot).Serve(host, leaf);

    // A home-made CA that reuses the server's name: the leaf's subject equals its issuer's.
    private static CertificateCase NamedLikeIssuer(bool keyIdentifiers)
    {
        var root = TestPki.Create(new CertificateSpec { Subject = "CN=" + Shapes.Host });
        return Serve(root, TestPki.Create(Shapes.LeafSpec(root) with { Subject = "CN=" + Shapes.Host, NoKeyIdentifiers = !keyIdentifiers }));
    }

    private static CertificateCase ConstrainedRoot(string host)
    {
        var root = TestPki.Create(new CertificateSpec { Subject = "CN=Constrained Root", PermittedDnsNames = new[] { "example.internal" } });
        return new CertificateCase().Anchor(root).Serve(host, Shapes.Leaf(root, host));
    }
}
