using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Tests.Certificates;

/// <summary>Rules A4 and B1-B15: each trust anchor on its own (and B13 with a served chain).</summary>
public sealed class AnchorRuleTests
{
    private const int Line = CertificateCase.BeginLine;

    [SkippableFact]
    public void A_well_formed_root_raises_nothing()
    {
        using var c = new CertificateCase().Anchor(Shapes.Root());
        c.Run().IsClean();
    }

    [SkippableFact]
    public void B1_an_expired_anchor_is_an_error_for_openssl_and_go_at_its_begin_line()
    {
        using var c = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { NotAfter = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }));
        var finding = c.Run().Single("CID2020");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.OpenSslAndGo);
        Assert.Contains("certificate verify failed (certificate has expired)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("expired 151 days ago", finding.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void C13_an_expired_anchor_only_warns_when_the_guest_is_rustls_because_only_go_still_rejects_it()
    {
        using var c = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { NotAfter = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }));
        var result = c.Run(TlsProfile.Rustls);
        FindingAssert.Is(result.Single("CID2020"), DiagnosticSeverity.Warning, "ca.pem", Line, RejectedBy.Go);
        Assert.Equal("accepted", result.Verdicts.VerdictOf(c.Anchors[0].Fingerprint, TlsProfile.Rustls));
        Assert.Equal("rejected: CID2020", result.Verdicts.VerdictOf(c.Anchors[0].Fingerprint, TlsProfile.OpenSsl));
    }

    [SkippableFact]
    public void B2_an_anchor_not_yet_valid_is_an_error_and_one_issued_minutes_ago_warns_about_guest_clocks()
    {
        using var future = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { NotBefore = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc) }));
        FindingAssert.Is(future.Run().Single("CID2021"), DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.OpenSslAndGo);

        using var fresh = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { NotBefore = TestPki.ValidationTime.UtcDateTime.AddMinutes(-30) }));
        FindingAssert.Is(fresh.Run().Single("CID2022"), DiagnosticSeverity.Warning, "ca.pem", Line, RejectedBy.Advisory);
    }

    [SkippableFact]
    public void B3_an_anchor_expiring_within_the_window_or_past_the_lifetime_share_warns()
    {
        using var soon = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { NotAfter = TestPki.ValidationTime.UtcDateTime.AddDays(10) }));
        var finding = soon.Run().Single("CID2023");
        FindingAssert.Is(finding, DiagnosticSeverity.Warning, "ca.pem", Line, RejectedBy.Advisory);
        Assert.Contains(", 10 days left (warning threshold", finding.Message, StringComparison.Ordinal);
        soon.Run(expiryWarningDays: 5).Lacks("CID2023");

        using var old = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { NotAfter = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc) }));
        FindingAssert.Is(old.Run(lifetimePercent: 80).Single("CID2024"), DiagnosticSeverity.Warning, "ca.pem", Line, RejectedBy.Advisory);
        old.Run(lifetimePercent: 0).Lacks("CID2024");
    }

    [SkippableFact]
    public void B4_an_intermediate_used_as_anchor_is_an_error_for_openssl_only()
    {
        using var c = new CertificateCase().Anchor(Shapes.Intermediate(Shapes.Root()));
        var result = c.Run();
        FindingAssert.Is(result.Single("CID2040"), DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.OpenSsl);
        Assert.Equal("accepted", result.Verdicts.VerdictOf(c.Anchors[0].Fingerprint, TlsProfile.Rustls));
        Assert.Equal("accepted", result.Verdicts.VerdictOf(c.Anchors[0].Fingerprint, TlsProfile.Go));
    }

    [SkippableFact]
    public void B5_a_ca_false_anchor_that_issues_the_served_certificate_is_an_error_but_a_v1_root_is_a_ca()
    {
        var notCa = TestPki.Create(new CertificateSpec { Subject = "CN=Not A CA", IsCa = false, DnsNames = new[] { "ca.example.internal" } });
        using var c = new CertificateCase().Anchor(notCa).Serve(Shapes.Host, Shapes.Leaf(notCa));
        FindingAssert.Is(c.Run().Single("CID2041"), DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.OpenSslAndGo);

        using var v1 = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { Version1 = true }));
        v1.Run().Lacks("CID2041");
    }

    [SkippableFact]
    public void B6_an_anchor_whose_key_usage_lacks_keyCertSign_is_an_error_for_openssl_and_go()
    {
        using var c = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { KeyUsageBits = KeyUsage.DigitalSignature }));
        FindingAssert.Is(c.Run().Single("CID2042"), DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.OpenSslAndGo);
    }

    [SkippableFact]
    public void B7_an_anchor_eku_without_serverAuth_is_an_error_and_anyExtendedKeyUsage_only_fails_openssl()
    {
        using var client = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { ExtendedKeyUsages = new[] { KeyPurposeID.id_kp_clientAuth } }));
        var finding = client.Run().Single("CID2043");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.OpenSslAndGo);
        Assert.Contains("clientAuth", finding.Message, StringComparison.Ordinal);

        using var any = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { ExtendedKeyUsages = new[] { KeyPurposeID.AnyExtendedKeyUsage } }));
        FindingAssert.Is(any.Run().Single("CID2043"), DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.OpenSsl);

        using var server = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { ExtendedKeyUsages = new[] { KeyPurposeID.id_kp_serverAuth } }));
        server.Run().Lacks("CID2043");
    }

    [SkippableFact]
    public void B8_an_unknown_critical_extension_on_an_anchor_is_an_error_and_critical_policies_fail_rustls_only()
    {
        using var unknown = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { UnknownCriticalExtension = true }));
        var finding = unknown.Run().Single("CID2044");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.All);
        Assert.Contains("1.3.6.1.4.1.55555.1", finding.Message, StringComparison.Ordinal);

        using var policies = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { CriticalCertificatePolicies = true }));
        FindingAssert.Is(policies.Run().Single("CID2044"), DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.Rustls);
    }

    [SkippableFact]
    public void B9_an_rsa_1024_anchor_fails_rustls_a_p521_anchor_warns_and_rsa_2048_passes()
    {
        using var small = new CertificateCase().Anchor(Shapes.Root(key: KeyKind.Rsa1024));
        var finding = small.Run().Single("CID2045");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.Rustls);
        Assert.Contains("RSA-1024", finding.Message, StringComparison.Ordinal);

        using var p521 = new CertificateCase().Anchor(Shapes.Root(key: KeyKind.EcP521));
        FindingAssert.Is(p521.Run().Single("CID2046"), DiagnosticSeverity.Warning, "ca.pem", Line, RejectedBy.Rustls);

        using var rsa = new CertificateCase().Anchor(Shapes.Root(key: KeyKind.Rsa2048));
        rsa.Run().IsClean();
    }

    [SkippableFact]
    public void B9_with_only_the_openssl_guest_selected_an_rsa_1024_anchor_is_not_reported_but_its_rustls_verdict_says_rejected()
    {
        using var small = new CertificateCase().Anchor(Shapes.Root(key: KeyKind.Rsa1024));
        var result = small.Run(TlsProfile.OpenSsl);
        result.IsClean();
        Assert.Equal("rejected: CID2045", result.Verdicts.VerdictOf(small.Anchors[0].Fingerprint, TlsProfile.Rustls));
        Assert.Equal("accepted", result.Verdicts.VerdictOf(small.Anchors[0].Fingerprint, TlsProfile.OpenSsl));
    }

    [SkippableFact]
    public void B10_the_seed_pages_vcek_look_alike_cannot_authenticate_any_registry()
    {
        using var c = new CertificateCase().Anchor(Shapes.VcekLookAlike());
        var result = c.Run();
        var finding = result.Single("CID2047");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.All);
        Assert.Contains("cannot authenticate any registry", finding.Message, StringComparison.Ordinal);
        Assert.Contains("SEV-VCEK", finding.Message, StringComparison.Ordinal);
        result.Lacks("CID2040");
        result.Lacks("CID2041");
    }

    [SkippableFact]
    public void B11_a_self_signed_ca_server_certificate_fails_rustls_unless_a_served_chain_shows_it_is_a_real_ca()
    {
        var selfSigned = Shapes.SelfSignedCaServer();
        using var c = new CertificateCase().Anchor(selfSigned);
        var finding = c.Run().Single("CID2048");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.Rustls);
        Assert.Contains("CaUsedAsEndEntity", finding.Message, StringComparison.Ordinal);

        using var issuing = new CertificateCase().Anchor(selfSigned).Serve(Shapes.Host, Shapes.Leaf(selfSigned));
        issuing.Run().Lacks("CID2048");
    }

    [SkippableFact]
    public void B14_a_uri_subtree_alone_is_no_finding_and_fails_rustls_only_against_a_uri_san()
    {
        // rustls-webpki 0.103 (src/subject_name/mod.rs) compares a URI subtree only with URI SANs: never permitted, always excluded.
        using var plain = OracleCases.All["C12 URI constraint, leaf without uri"]();
        plain.Run().IsClean();

        using var uri = OracleCases.All["C12 URI constraint, leaf uri san inside"]();
        var finding = uri.Run().Single("CID2078");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", uri.ChainLine(0), RejectedBy.Rustls);
        Assert.Contains("URI (a form rustls cannot match", finding.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void B11_an_email_san_is_no_sign_of_a_server_certificate()
    {
        // ACCVRAIZ1, Izenpe.com and Microsec e-Szigno Root CA 2009 look like this: a self-signed CA with an rfc822Name SAN.
        using var c = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { Subject = "CN=Mail Root", EmailAddresses = new[] { "pki@example.test" } }));
        c.Run().IsClean();
    }

    [SkippableFact]
    public void B12_a_self_signed_ca_false_server_certificate_as_its_own_anchor_warns()
    {
        var server = TestPki.Create(Shapes.LeafSpec(null!) with { Issuer = null });
        using var c = new CertificateCase().Anchor(server).Serve(Shapes.Host, server);
        var result = c.Run();
        FindingAssert.Is(result.Single("CID2049"), DiagnosticSeverity.Warning, "ca.pem", Line, RejectedBy.Advisory);
        Assert.False(result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), result.Describe());
    }

    [SkippableFact]
    public void B13_an_anchor_path_length_exceeded_by_the_served_chain_is_an_error_for_openssl_and_go()
    {
        var root = TestPki.Create(new CertificateSpec { PathLength = 0 });
        var intermediate = Shapes.Intermediate(root);
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(intermediate), intermediate);
        FindingAssert.Is(c.Run().Single("CID2050"), DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.OpenSslAndGo);

        using var direct = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(root));
        direct.Run().Lacks("CID2050");
    }

    [SkippableFact]
    public void B14_directoryName_name_constraints_on_an_anchor_fail_rustls_and_critical_ones_go()
    {
        using var c = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { PermittedDirectoryName = "O=Coco.InitData tests" }));
        var finding = c.Run().Single("CID2051");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.RustlsAndGo);
        Assert.Contains("directoryName", finding.Message, StringComparison.Ordinal);

        using var dns = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { PermittedDnsNames = new[] { "example.internal" } }));
        dns.Run().Lacks("CID2051");
    }

    [SkippableFact]
    public void B15_a_sha1_self_signature_on_a_root_raises_nothing_because_no_stack_checks_it()
    {
        var root = TestPki.Create(new CertificateSpec { Subject = "CN=SHA-1 Root", Key = KeyKind.Rsa2048, SignatureAlgorithm = "SHA1WITHRSA" });
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(root));
        c.Run().IsClean();
    }

    [SkippableFact]
    public void A4_an_anchor_larger_than_64_KiB_cannot_be_loaded_by_webpki()
    {
        using var c = new CertificateCase().Anchor(TestPki.Create(new CertificateSpec { PaddingExtensionBytes = 70_000 }));
        var finding = c.Run().Single("CID2030");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.Rustls);
        Assert.Contains("64 KiB", finding.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A4_an_anchor_whose_inner_and_outer_signature_algorithms_differ_cannot_be_loaded_by_webpki()
    {
        var root = Shapes.Root();
        var structure = X509CertificateStructure.GetInstance(root.Der);
        var outer = new AlgorithmIdentifier(Org.BouncyCastle.Asn1.X9.X9ObjectIdentifiers.ECDsaWithSha384);
        var mismatched = new X509CertificateStructure(structure.TbsCertificate, outer, structure.Signature);
        var certificate = new TestCertificate(new Org.BouncyCastle.X509.X509Certificate(mismatched), root.Key);
        using var c = new CertificateCase().Anchor(certificate);
        var finding = c.Run().Single("CID2030");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "ca.pem", Line, RejectedBy.Rustls);
        Assert.Contains("inner and outer signature algorithms differ", finding.Message, StringComparison.Ordinal);
    }
}
