using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Tests.Certificates;

/// <summary>Rules C1-C13: the chain a registry serves, against its host and the declared anchors.</summary>
public sealed class ChainRuleTests
{
    private const string All = "rustls (guest), openssl (guest), go (node containerd)";
    private const string OpenSslAndGo = "openssl (guest), go (node containerd)";
    private const string RustlsAndGo = "rustls (guest), go (node containerd)";
    private const string Advisory = "no stack (advisory)";

    [SkippableFact]
    public void A_root_issuing_a_server_certificate_through_an_intermediate_raises_nothing()
    {
        var root = Shapes.Root();
        var intermediate = Shapes.Intermediate(root);
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host + ":5000", Shapes.Leaf(intermediate), intermediate);
        var result = c.Run();
        result.IsClean();
        Assert.All(result.Certificates, cert => Assert.Equal("accepted", result.Verdicts.VerdictOf(cert.Fingerprint, TlsProfile.Rustls)));
    }

    [SkippableFact]
    public void C1_a_chain_without_its_intermediate_has_no_path_to_the_anchor()
    {
        var root = Shapes.Root();
        var intermediate = Shapes.Intermediate(root);
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(intermediate));
        var finding = c.Run().Single("CID2060");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), All);
        Assert.Contains("invalid peer certificate: UnknownIssuer", finding.Message, StringComparison.Ordinal);
        Assert.Contains("unable to get local issuer certificate", finding.Message, StringComparison.Ordinal);
        Assert.Contains("must send its intermediates", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'CN=Test Intermediate CA,O=Coco.InitData tests', and neither the served chain nor the trust anchors ('CN=Test Root CA,O=Coco.InitData tests' in ca.pem) hold a certificate of that name", finding.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void C1_a_chain_ending_in_its_own_root_that_is_not_an_anchor_says_so_and_names_the_anchors_not_a_missing_intermediate()
    {
        using var c = OracleCases.All["C1 chain ending in an undeclared self-signed root"]();
        var result = c.Run();
        var finding = result.Single("CID2082");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(1), All);
        Assert.Contains("ends in the self-signed root 'CN=Served Root,O=Coco.InitData tests', which is not among the trust anchors ('CN=Oracle Root,O=Coco.InitData tests' in ca.pem). No intermediate is missing", finding.Message, StringComparison.Ordinal);
        Assert.Contains("declare it in CertificateAuthority", finding.Message, StringComparison.Ordinal);
        Assert.Contains("self-signed certificate in certificate chain", finding.Message, StringComparison.Ordinal);
        result.Lacks("CID2060");
        result.Lacks("CID2061");
    }

    [SkippableFact]
    public void C1_a_served_root_named_like_the_anchor_with_another_key_is_an_undeclared_root_not_a_bad_signature()
    {
        var anchor = Shapes.Root("Shared Name CA", KeyKind.EcP256);
        var served = Shapes.Root("Shared Name CA", KeyKind.EcP384);
        using var c = new CertificateCase().Anchor(anchor).Serve(Shapes.Host, Shapes.Leaf(served), served);
        var result = c.Run();
        var finding = result.Single("CID2082");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(1), All);
        Assert.Contains($"the anchor of that name in ca.pem is another certificate with another key (SHA-256 {c.Anchors[0].Fingerprint})", finding.Message, StringComparison.Ordinal);
        result.Lacks("CID2061");
    }

    [SkippableFact]
    public void C1_a_self_signed_server_certificate_that_is_not_an_anchor_is_told_to_be_declared_or_replaced()
    {
        var server = TestPki.Create(Shapes.LeafSpec(null!) with { Issuer = null });
        using var c = new CertificateCase().Anchor(Shapes.Root()).Serve(Shapes.Host, server);
        var result = c.Run();
        var finding = result.Single("CID2084");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), All);
        Assert.Contains("is self-signed and is not among the trust anchors ('CN=Test Root CA,O=Coco.InitData tests' in ca.pem)", finding.Message, StringComparison.Ordinal);
        result.Lacks("CID2060");
        result.Lacks("CID2081");
    }

    [SkippableFact]
    public void C2_a_certificate_signed_by_another_key_with_the_anchors_name_has_a_bad_signature()
    {
        var anchor = Shapes.Root("Shared Name CA", KeyKind.EcP256);
        var impostor = Shapes.Root("Shared Name CA", KeyKind.EcP384);
        using var c = new CertificateCase().Anchor(anchor).Serve(Shapes.Host, Shapes.Leaf(impostor));
        var result = c.Run();
        FindingAssert.Is(result.Single("CID2061"), DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), All);
        result.Lacks("CID2060");
    }

    [SkippableFact]
    public void C2_rsa_signatures_verify_with_the_rsa_issuer_key()
    {
        var root = Shapes.Root("RSA Root", KeyKind.Rsa4096);
        var intermediate = TestPki.Create(Shapes.IntermediateSpec(root) with { Key = KeyKind.Rsa2048 });
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(intermediate), intermediate);
        c.Run().IsClean();
    }

    [SkippableFact]
    public void C3_an_expired_intermediate_is_an_error_for_every_stack_at_its_line_in_the_chain()
    {
        var root = Shapes.Root();
        var intermediate = TestPki.Create(Shapes.IntermediateSpec(root) with { NotAfter = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc) });
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(intermediate), intermediate);
        var finding = c.Run().Single("CID2020");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(1), All);
        Assert.Contains("invalid peer certificate: Expired", finding.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void C3_a_leaf_expiring_soon_warns()
    {
        var root = Shapes.Root();
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { NotAfter = TestPki.ValidationTime.UtcDateTime.AddDays(3) }));
        FindingAssert.Is(c.Run().Single("CID2023"), DiagnosticSeverity.Warning, "chain.pem", c.ChainLine(0), Advisory);
    }

    [SkippableFact]
    public void C4_a_host_missing_from_the_dns_sans_is_an_error_and_a_wildcard_san_covers_one_label()
    {
        var root = Shapes.Root();
        using var c = new CertificateCase().Anchor(root).Serve("other.example.internal", Shapes.Leaf(root));
        var finding = c.Run().Single("CID2062");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), All);
        Assert.Contains("Hostname mismatch", finding.Message, StringComparison.Ordinal);

        using var wildcard = new CertificateCase().Anchor(root).Serve("a.example.internal", TestPki.Create(Shapes.LeafSpec(root) with { DnsNames = new[] { "*.example.internal" } }));
        wildcard.Run().IsClean();
        using var deep = new CertificateCase().Anchor(root).Serve("a.b.example.internal", TestPki.Create(Shapes.LeafSpec(root) with { DnsNames = new[] { "*.example.internal" } }));
        deep.Run().Single("CID2062");
    }

    [SkippableFact]
    public void C4_a_host_only_in_the_common_name_fails_rustls_and_go_but_not_openssl()
    {
        var root = Shapes.Root();
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { DnsNames = Array.Empty<string>() }));
        FindingAssert.Is(c.Run().Single("CID2063"), DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), RustlsAndGo);
    }

    [SkippableFact]
    public void C13_with_only_the_openssl_guest_a_common_name_only_host_is_a_warning_from_go()
    {
        var root = Shapes.Root();
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { DnsNames = Array.Empty<string>() }));
        var result = c.Run(TlsProfile.OpenSsl);
        var finding = result.Single("CID2063");
        FindingAssert.Is(finding, DiagnosticSeverity.Warning, "chain.pem", c.ChainLine(0), "go (node containerd)");
        Assert.Contains("legacy Common Name", finding.Message, StringComparison.Ordinal);
        Assert.Equal("rejected: CID2063", result.Verdicts.VerdictOf(c.LoadedChain[0].Fingerprint, TlsProfile.Rustls));
    }

    [SkippableFact]
    public void C4_an_ip_registry_needs_an_ip_san_and_port_is_ignored()
    {
        var root = Shapes.Root();
        using var missing = new CertificateCase().Anchor(root).Serve("10.0.0.5:5000", Shapes.Leaf(root, "10.0.0.5"));
        var finding = missing.Run().Single("CID2064");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", missing.ChainLine(0), All);
        Assert.Contains("IP:10.0.0.5", finding.Message, StringComparison.Ordinal);

        using var present = new CertificateCase().Anchor(root).Serve("10.0.0.5:5000", TestPki.Server(root, Array.Empty<string>(), new[] { "10.0.0.5" }));
        present.Run().IsClean();
        using var v6 = new CertificateCase().Anchor(root).Serve("[fd00::5]:5000", TestPki.Server(root, Array.Empty<string>(), new[] { "fd00::5" }));
        v6.Run().IsClean();
    }

    [SkippableFact]
    public void C5_a_ca_true_leaf_fails_rustls_with_CaUsedAsEndEntity()
    {
        var root = Shapes.Root();
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { IsCa = true, KeyUsageBits = KeyUsage.DigitalSignature | KeyUsage.KeyCertSign }));
        var finding = c.Run().Single("CID2065");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), "rustls (guest)");
        Assert.Contains("Other(OtherError(CaUsedAsEndEntity))", finding.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void C6_a_leaf_without_serverAuth_fails_everywhere_and_anyExtendedKeyUsage_only_passes_go()
    {
        var root = Shapes.Root();
        using var client = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { ExtendedKeyUsages = new[] { KeyPurposeID.id_kp_clientAuth } }));
        FindingAssert.Is(client.Run().Single("CID2066"), DiagnosticSeverity.Error, "chain.pem", client.ChainLine(0), All);

        using var any = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { ExtendedKeyUsages = new[] { KeyPurposeID.AnyExtendedKeyUsage } }));
        FindingAssert.Is(any.Run().Single("CID2066"), DiagnosticSeverity.Error, "chain.pem", any.ChainLine(0), "rustls (guest), openssl (guest)");
    }

    [SkippableFact]
    public void C7_a_leaf_without_eku_warns()
    {
        var root = Shapes.Root();
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { ExtendedKeyUsages = null }));
        FindingAssert.Is(c.Run().Single("CID2067"), DiagnosticSeverity.Warning, "chain.pem", c.ChainLine(0), Advisory);
    }

    [SkippableTheory]
    [InlineData("ca-false")]
    [InlineData("no-basic-constraints")]
    [InlineData("v1")]
    public void C8_an_intermediate_that_is_not_a_ca_is_an_error_for_every_stack(string shape)
    {
        var root = Shapes.Root();
        var spec = Shapes.IntermediateSpec(root);
        spec = shape switch
        {
            "ca-false" => spec with { IsCa = false },
            "no-basic-constraints" => spec with { IsCa = null },
            _ => spec with { Version1 = true },
        };
        var intermediate = TestPki.Create(spec);
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(intermediate), intermediate);
        FindingAssert.Is(c.Run().Single("CID2068"), DiagnosticSeverity.Error, "chain.pem", c.ChainLine(1), All);
    }

    [SkippableFact]
    public void C8_an_intermediate_key_usage_without_keyCertSign_fails_openssl_and_go()
    {
        var root = Shapes.Root();
        var intermediate = TestPki.Create(Shapes.IntermediateSpec(root) with { KeyUsageBits = KeyUsage.DigitalSignature });
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(intermediate), intermediate);
        FindingAssert.Is(c.Run().Single("CID2069"), DiagnosticSeverity.Error, "chain.pem", c.ChainLine(1), OpenSslAndGo);
    }

    [SkippableFact]
    public void C8_an_intermediate_eku_without_serverAuth_fails_every_stack()
    {
        var root = Shapes.Root();
        var intermediate = TestPki.Create(Shapes.IntermediateSpec(root) with { ExtendedKeyUsages = new[] { KeyPurposeID.id_kp_clientAuth } });
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(intermediate), intermediate);
        FindingAssert.Is(c.Run().Single("CID2070"), DiagnosticSeverity.Error, "chain.pem", c.ChainLine(1), All);
    }

    [SkippableFact]
    public void C8_an_unknown_critical_extension_on_the_leaf_fails_every_stack()
    {
        var root = Shapes.Root();
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { UnknownCriticalExtension = true }));
        FindingAssert.Is(c.Run().Single("CID2071"), DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), All);
    }

    [SkippableFact]
    public void C8_an_intermediate_path_length_exceeded_fails_every_stack()
    {
        var root = Shapes.Root();
        var upper = TestPki.Create(Shapes.IntermediateSpec(root, "Upper CA") with { PathLength = 0 });
        var lower = Shapes.Intermediate(upper, "Lower CA");
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(lower), lower, upper);
        FindingAssert.Is(c.Run().Single("CID2072"), DiagnosticSeverity.Error, "chain.pem", c.ChainLine(2), All);
    }

    [SkippableFact]
    public void C9_seven_intermediates_exceed_webpki_depth_but_six_pass()
    {
        var root = Shapes.Root();
        var chain = new List<TestCertificate>();
        var issuer = root;
        for (var i = 0; i < 7; i++)
        {
            issuer = Shapes.Intermediate(issuer, $"Level {i} CA");
            chain.Insert(0, issuer);
        }

        using var seven = new CertificateCase().Anchor(root).Serve(Shapes.Host, chain.Prepend(Shapes.Leaf(issuer)).ToArray());
        FindingAssert.Is(seven.Run().Single("CID2073"), DiagnosticSeverity.Error, "chain.pem", seven.ChainLine(0), "rustls (guest)");

        using var six = new CertificateCase().Anchor(root).Serve(Shapes.Host, chain.Skip(1).Prepend(Shapes.Leaf(chain[1])).ToArray());
        six.Run().IsClean();
    }

    [SkippableFact]
    public void C10_a_sha1_signature_fails_every_stack_and_an_rsa_1024_leaf_fails_rustls()
    {
        var root = Shapes.Root("RSA Root", KeyKind.Rsa2048);
        using var sha1 = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { SignatureAlgorithm = "SHA1WITHRSA" }));
        var finding = sha1.Run().Single("CID2074");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", sha1.ChainLine(0), All);
        Assert.Contains("sha1WithRSAEncryption", finding.Message, StringComparison.Ordinal);

        using var small = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { Key = KeyKind.Rsa1024 }));
        FindingAssert.Is(small.Run().Single("CID2075"), DiagnosticSeverity.Error, "chain.pem", small.ChainLine(0), "rustls (guest)");
    }

    [SkippableFact]
    public void C10_ecdsa_with_sha512_only_warns_for_ring_based_rustls()
    {
        var root = Shapes.Root();
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { SignatureAlgorithm = "SHA512WITHECDSA" }));
        FindingAssert.Is(c.Run().Single("CID2076"), DiagnosticSeverity.Warning, "chain.pem", c.ChainLine(0), "rustls (guest)");
    }

    [SkippableFact]
    public void C11_rsa_pss_with_openssls_max_salt_fails_rustls_and_go_and_an_explicit_trailer_fails_rustls_with_the_parameters_decoded()
    {
        var root = Shapes.Root("RSA Root", KeyKind.Rsa2048);
        using var maxSalt = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { PssSaltLength = 222 }));
        var result = maxSalt.Run();
        var finding = result.Single("CID2077");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", maxSalt.ChainLine(0), RustlsAndGo);
        Assert.Contains("RSASSA-PSS (SHA256, MGF1-SHA256, salt 222)", finding.Message, StringComparison.Ordinal);
        result.Lacks("CID2061");

        using var trailer = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { PssSaltLength = 32, PssExplicitTrailer = true }));
        var trailerFinding = trailer.Run().Single("CID2077");
        FindingAssert.Is(trailerFinding, DiagnosticSeverity.Error, "chain.pem", trailer.ChainLine(0), "rustls (guest)");
        Assert.Contains("explicit trailerField", trailerFinding.Message, StringComparison.Ordinal);

        using var canonical = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { PssSaltLength = 32 }));
        canonical.Run().IsClean();
    }

    [SkippableFact]
    public void C12_a_leaf_outside_the_anchors_permitted_dns_subtree_violates_its_name_constraints()
    {
        var root = TestPki.Create(new CertificateSpec { Subject = "CN=Constrained Root", PermittedDnsNames = new[] { "example.internal" } });
        using var outside = new CertificateCase().Anchor(root).Serve("registry.other.test", Shapes.Leaf(root, "registry.other.test"));
        var finding = outside.Run().Single("CID2078");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", outside.ChainLine(0), All);
        Assert.Contains("DNS:registry.other.test", finding.Message, StringComparison.Ordinal);

        using var inside = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(root));
        inside.Run().IsClean();

        var excluding = TestPki.Create(new CertificateSpec { Subject = "CN=Excluding Root", ExcludedDnsNames = new[] { "example.internal" } });
        using var excluded = new CertificateCase().Anchor(excluding).Serve(Shapes.Host, Shapes.Leaf(excluding));
        excluded.Run().Single("CID2078");
    }

    [SkippableFact]
    public void C12_a_leaf_subject_outside_a_directoryName_subtree_violates_the_constraint_for_openssl()
    {
        var root = TestPki.Create(new CertificateSpec { Subject = "CN=Directory Root", PermittedDirectoryName = "O=Coco.InitData tests" });
        using var outside = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(root));
        var finding = outside.Run().Single("CID2078");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", outside.ChainLine(0), "openssl (guest)");

        using var inside = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { Subject = "O=Coco.InitData tests,CN=" + Shapes.Host }));
        inside.Run().Lacks("CID2078");
    }

    [SkippableFact]
    public void C1_a_leaf_pinned_as_its_own_anchor_without_its_issuer_fails_rustls_and_openssl_but_not_go()
    {
        var leaf = Shapes.Leaf(Shapes.Root("Undeclared Root"));
        using var c = new CertificateCase().Anchor(leaf).Serve(Shapes.Host, leaf);
        var result = c.Run();
        var finding = result.Single("CID2083");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), "rustls (guest), openssl (guest)");
        Assert.Contains("is itself a trust anchor, but it is not self-signed: rustls and OpenSSL still build a path to its issuer 'CN=Undeclared Root,O=Coco.InitData tests'", finding.Message, StringComparison.Ordinal);
        result.Lacks("CID2060");
        result.Lacks("CID2041");
    }

    [SkippableFact]
    public void C4_go_takes_an_ipv4_mapped_ipv6_host_for_the_ipv4_san_so_only_rustls_and_openssl_reject()
    {
        using var c = OracleCases.All["C4 ipv4-mapped ipv6 host, ipv4 san"]();
        var result = c.Run();
        FindingAssert.Is(result.Single("CID2064"), DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), "rustls (guest), openssl (guest)");
        Assert.Equal("accepted", result.Verdicts.VerdictOf(c.LoadedChain[0].Fingerprint, TlsProfile.Go));
    }

    [SkippableFact]
    public void C12_an_email_san_outside_an_rfc822Name_subtree_fails_every_stack_and_one_inside_still_fails_rustls()
    {
        using var outside = OracleCases.All["C12 rfc822Name constraint, leaf email san outside"]();
        var findings = outside.Run().Diagnostics.Where(d => d.Code == "CID2078").ToList();
        Assert.Contains(findings, f => f.Message.Contains("email:admin@other.test", StringComparison.Ordinal) && f.Message.Contains("Rejected by: openssl (guest), go (node containerd).", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("rfc822Name (a form rustls cannot match", StringComparison.Ordinal) && f.Message.Contains("Rejected by: rustls (guest).", StringComparison.Ordinal));

        using var inside = OracleCases.All["C12 rfc822Name constraint, leaf email san inside"]();
        var result = inside.Run();
        FindingAssert.Is(result.Single("CID2078"), DiagnosticSeverity.Error, "chain.pem", inside.ChainLine(0), "rustls (guest)");
        Assert.Equal("accepted", result.Verdicts.VerdictOf(inside.LoadedChain[0].Fingerprint, TlsProfile.OpenSsl));

        using var none = OracleCases.All["C12 rfc822Name constraint, leaf without email"]();
        none.Run().IsClean();
    }

    [SkippableFact]
    public void C12_a_subject_emailAddress_outside_an_rfc822Name_subtree_fails_openssl_only()
    {
        using var c = OracleCases.All["C12 rfc822Name constraint, leaf subject emailAddress outside"]();
        var result = c.Run();
        var finding = result.Single("CID2078");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), "openssl (guest)");
        Assert.Contains("subject email:admin@other.test", finding.Message, StringComparison.Ordinal);
        Assert.Empty(c.Run(TlsProfile.Rustls).Diagnostics);
    }

    [SkippableFact]
    public void C12_a_non_prefix_ip_mask_fails_go_on_the_ca_and_rustls_on_an_ip_san_it_reaches()
    {
        using var dns = OracleCases.All["C12 non-contiguous ip mask, dns leaf"]();
        var result = dns.Run();
        var finding = result.Single("CID2080");
        FindingAssert.Is(finding, DiagnosticSeverity.Warning, "ca.pem", CertificateCase.BeginLine, "go (node containerd)");
        Assert.Contains("12.34.56.0/255.255.255.1", finding.Message, StringComparison.Ordinal);
        result.Lacks("CID2078");

        using var ip = OracleCases.All["C12 non-contiguous ip mask, leaf ip inside"]();
        var ipResult = ip.Run();
        var violation = ipResult.Single("CID2078");
        FindingAssert.Is(violation, DiagnosticSeverity.Error, "chain.pem", ip.ChainLine(0), "rustls (guest)");
        Assert.Contains("InvalidNetworkMaskConstraint", violation.Message, StringComparison.Ordinal);
    }

    // Go 1.19.8 (Debian golang-go), crypto/x509/verify.go: isValid checks the name constraints of a CA against the
    // SANs of the leaf and of the CA itself, never against the name dialled; VerifyHostname matches an IP host with
    // net.IP.Equal, which takes ::ffff:12.34.56.78 for 12.34.56.78; matchIPConstraint compares only equal lengths.
    [SkippableFact]
    public void C12_go_checks_sans_only_so_an_ipv4_mapped_host_under_ipv4_constraints_is_not_a_violation_for_go()
    {
        using var c = OracleCases.All["C12 ipv4-mapped ipv6 host, ipv4 san inside an ipv4 constraint"]();
        var result = c.Run();
        result.Lacks("CID2078");
        FindingAssert.Is(result.Single("CID2064"), DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), "rustls (guest), openssl (guest)");
        Assert.Equal("accepted", result.Verdicts.VerdictOf(c.LoadedChain[0].Fingerprint, TlsProfile.Go));
    }

    [SkippableFact]
    public void C12_an_ipv4_mapped_san_under_ipv4_constraints_is_outside_them_for_every_stack()
    {
        using var c = OracleCases.All["C12 ipv4 host, ipv4-mapped ipv6 san under an ipv4 constraint"]();
        var result = c.Run();
        var finding = result.Single("CID2078");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), All);
        Assert.Contains("IP:::ffff:12.34.56.78", finding.Message, StringComparison.Ordinal);
    }

    // rustls-webpki 0.103.13 (branch rel-0.103), src/verify_cert.rs check_signed_chain_name_constraints and
    // src/subject_name/mod.rs check_name_constraints: a CA's constraints are checked against the SANs of every
    // certificate below it (PathNode::iter walks down to the leaf), so the same-form and mask rules reach intermediates.
    [SkippableTheory]
    [InlineData("C12 rfc822Name constraint, intermediate email san inside", "rfc822Name of intermediate 'CN=Test Intermediate CA,O=Coco.InitData tests'", "NameConstraintViolation")]
    [InlineData("C12 URI constraint, intermediate uri san inside", "URI of intermediate 'CN=Test Intermediate CA,O=Coco.InitData tests'", "NameConstraintViolation")]
    [InlineData("C12 non-contiguous ip mask, intermediate ip inside", "IP:12.34.56.2 of intermediate 'CN=Test Intermediate CA,O=Coco.InitData tests'", "InvalidNetworkMaskConstraint")]
    public void C12_rustls_applies_its_same_form_and_mask_rules_to_an_intermediate_below_the_constrained_ca(string scenario, string named, string guestError)
    {
        using var c = OracleCases.All[scenario]();
        var result = c.Run();
        var finding = result.Single("CID2078");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(1), "rustls (guest)");
        Assert.Contains(named, finding.Message, StringComparison.Ordinal);
        Assert.Contains(guestError, finding.Message, StringComparison.Ordinal);
        Assert.Equal("rejected: CID2078", result.Verdicts.VerdictOf(c.LoadedChain[1].Fingerprint, TlsProfile.Rustls));
        Assert.Equal("accepted", result.Verdicts.VerdictOf(c.LoadedChain[1].Fingerprint, TlsProfile.OpenSsl));
        Assert.DoesNotContain(c.Run(TlsProfile.OpenSsl).Diagnostics, d => d.Code == "CID2078");
    }

    [SkippableFact]
    public void C14_a_leaf_named_like_its_issuer_without_key_identifiers_looks_self_signed_to_openssl()
    {
        using var c = OracleCases.All["C14 leaf named like its issuer without key identifiers"]();
        var result = c.Run();
        var finding = result.Single("CID2081");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), "openssl (guest)");
        Assert.Contains("self-signed certificate", finding.Message, StringComparison.Ordinal);
        Assert.Empty(c.Run(TlsProfile.Rustls).Diagnostics);

        using var identified = OracleCases.All["C14 leaf named like its issuer with key identifiers"]();
        identified.Run().IsClean();
    }
}
