using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Certificates;

/// <summary>Rules C1-C13: the chain a registry serves, against its host and the declared anchors.</summary>
public sealed class ChainRuleTests
{
    // One named scenario of OracleCases with one flaw: the rules raise its finding once, at the certificate that has
    // it, naming the stacks that reject it, and, where a rule must be told apart from its neighbours, not
    // theirs too (notAlso: their codes, space-separated).
    [SkippableTheory]
    [InlineData("C1 issued leaf pinned as its own anchor", "CID2083", "Error", 0, RejectedBy.RustlsAndOpenSsl, "is itself a trust anchor, but it is not self-signed: rustls and OpenSSL still build a path to its issuer 'CN=Undeclared Root,O=Coco.InitData tests'", "CID2060 CID2041")]
    [InlineData("C2 wrong issuer key", "CID2061", "Error", 0, RejectedBy.All, null, "CID2060")]
    [InlineData("C3 expired intermediate", "CID2020", "Error", 1, RejectedBy.All, "invalid peer certificate: Expired", null)]
    [InlineData("C4 host not in san", "CID2062", "Error", 0, RejectedBy.All, "Hostname mismatch", null)]
    [InlineData("C4 host only in cn", "CID2063", "Error", 0, RejectedBy.RustlsAndGo, null, null)]
    [InlineData("C4 ip registry without ip san", "CID2064", "Error", 0, RejectedBy.All, "IP:10.0.0.5", null)]
    [InlineData("C5 ca-true leaf", "CID2065", "Error", 0, RejectedBy.Rustls, "Other(OtherError(CaUsedAsEndEntity))", null)]
    [InlineData("C6 leaf eku clientAuth", "CID2066", "Error", 0, RejectedBy.All, null, null)]
    [InlineData("C6 leaf anyExtendedKeyUsage only", "CID2066", "Error", 0, RejectedBy.RustlsAndOpenSsl, null, null)]
    [InlineData("C7 leaf without eku", "CID2067", "Warning", 0, RejectedBy.Advisory, null, null)]
    [InlineData("C8 intermediate ca-false", "CID2068", "Error", 1, RejectedBy.All, null, null)]
    [InlineData("C8 intermediate without basic constraints", "CID2068", "Error", 1, RejectedBy.All, null, null)]
    [InlineData("C8 v1 intermediate", "CID2068", "Error", 1, RejectedBy.All, null, null)]
    [InlineData("C8 intermediate key usage without keyCertSign", "CID2069", "Error", 1, RejectedBy.OpenSslAndGo, null, null)]
    [InlineData("C8 intermediate eku clientAuth", "CID2070", "Error", 1, RejectedBy.All, null, null)]
    [InlineData("C8 leaf unknown critical extension", "CID2071", "Error", 0, RejectedBy.All, null, null)]
    [InlineData("C8 intermediate pathLen exceeded", "CID2072", "Error", 2, RejectedBy.All, null, null)]
    [InlineData("C9 seven intermediates", "CID2073", "Error", 0, RejectedBy.Rustls, null, null)]
    [InlineData("C10 sha-1 signed leaf", "CID2074", "Error", 0, RejectedBy.All, "sha1WithRSAEncryption", null)]
    [InlineData("C10 rsa-1024 leaf", "CID2075", "Error", 0, RejectedBy.Rustls, null, null)]
    [InlineData("C10 ecdsa-sha512 leaf", "CID2076", "Warning", 0, RejectedBy.Rustls, null, null)]
    [InlineData("C11 rsa-pss max salt", "CID2077", "Error", 0, RejectedBy.RustlsAndGo, "RSASSA-PSS (SHA256, MGF1-SHA256, salt 222)", "CID2061")]
    [InlineData("C11 rsa-pss explicit trailer", "CID2077", "Error", 0, RejectedBy.Rustls, "explicit trailerField", null)]
    [InlineData("C12 name constraints violated", "CID2078", "Error", 0, RejectedBy.All, "DNS:registry.other.test", null)]
    [InlineData("C12 ipv4 host, ipv4-mapped ipv6 san under an ipv4 constraint", "CID2078", "Error", 0, RejectedBy.All, "IP:::ffff:12.34.56.78", null)]
    public void A_flaw_raises_its_finding_once_at_the_certificate_that_has_it(string scenario, string code, string severity, int chainIndex, string rejectedBy, string? saying, string? notAlso)
    {
        using var c = OracleCases.All[scenario]();
        var result = c.Run();
        var finding = result.Single(code);
        FindingAssert.Is(finding, Enum.Parse<DiagnosticSeverity>(severity), "chain.pem", c.ChainLine(chainIndex), rejectedBy);
        if (saying is not null)
        {
            Assert.Contains(saying, finding.Message, StringComparison.Ordinal);
        }

        foreach (var other in notAlso?.Split(' ') ?? [])
        {
            result.Lacks(other);
        }
    }

    [SkippableTheory]
    [InlineData("valid leaf through intermediate")]
    [InlineData("valid rsa-4096 root, rsa-2048 intermediate")]
    [InlineData("C11 rsa-pss canonical")]
    [InlineData("C12 name constraints satisfied")]
    [InlineData("C12 rfc822Name constraint, leaf without email")]
    [InlineData("C14 leaf named like its issuer with key identifiers")]
    public void A_sound_chain_raises_nothing_and_every_stack_accepts_each_certificate(string scenario)
    {
        using var c = OracleCases.All[scenario]();
        var result = c.Run();
        result.IsClean();
        foreach (var profile in new[] { TlsProfile.Rustls, TlsProfile.OpenSsl, TlsProfile.Go })
        {
            Assert.All(result.Certificates, cert => Assert.Equal("accepted", result.Verdicts.VerdictOf(cert.Fingerprint, profile)));
        }
    }

    [SkippableFact]
    public void C1_a_chain_without_its_intermediate_has_no_path_to_the_anchor()
    {
        var root = Shapes.Root();
        var intermediate = Shapes.Intermediate(root);
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, Shapes.Leaf(intermediate));
        var finding = c.Run().Single("CID2060");
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), RejectedBy.All);
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
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(1), RejectedBy.All);
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
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(1), RejectedBy.All);
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
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), RejectedBy.All);
        Assert.Contains("is self-signed and is not among the trust anchors ('CN=Test Root CA,O=Coco.InitData tests' in ca.pem)", finding.Message, StringComparison.Ordinal);
        result.Lacks("CID2060");
        result.Lacks("CID2081");
    }

    [SkippableFact]
    public void C3_a_leaf_expiring_soon_warns()
    {
        var root = Shapes.Root();
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { NotAfter = TestPki.ValidationTime.UtcDateTime.AddDays(3) }));
        FindingAssert.Is(c.Run().Single("CID2023"), DiagnosticSeverity.Warning, "chain.pem", c.ChainLine(0), RejectedBy.Advisory);
    }

    [SkippableFact]
    public void C4_a_wildcard_san_covers_one_label()
    {
        var root = Shapes.Root();
        using var wildcard = new CertificateCase().Anchor(root).Serve("a.example.internal", TestPki.Create(Shapes.LeafSpec(root) with { DnsNames = new[] { "*.example.internal" } }));
        wildcard.Run().IsClean();
        using var deep = new CertificateCase().Anchor(root).Serve("a.b.example.internal", TestPki.Create(Shapes.LeafSpec(root) with { DnsNames = new[] { "*.example.internal" } }));
        deep.Run().Single("CID2062");
    }

    [SkippableFact]
    public void C13_with_only_the_openssl_guest_a_common_name_only_host_is_a_warning_from_go()
    {
        var root = Shapes.Root();
        using var c = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { DnsNames = Array.Empty<string>() }));
        var result = c.Run(TlsProfile.OpenSsl);
        var finding = result.Single("CID2063");
        FindingAssert.Is(finding, DiagnosticSeverity.Warning, "chain.pem", c.ChainLine(0), RejectedBy.Go);
        Assert.Contains("legacy Common Name", finding.Message, StringComparison.Ordinal);
        Assert.Equal("rejected: CID2063", result.Verdicts.VerdictOf(c.LoadedChain[0].Fingerprint, TlsProfile.Rustls));
    }

    [SkippableFact]
    public void C4_an_ip_registry_is_matched_by_its_ip_san_and_port_is_ignored()
    {
        var root = Shapes.Root();
        using var present = new CertificateCase().Anchor(root).Serve("10.0.0.5:5000", TestPki.Server(root, Array.Empty<string>(), new[] { "10.0.0.5" }));
        present.Run().IsClean();
        using var v6 = new CertificateCase().Anchor(root).Serve("[fd00::5]:5000", TestPki.Server(root, Array.Empty<string>(), new[] { "fd00::5" }));
        v6.Run().IsClean();
    }

    [SkippableFact]
    public void C9_six_intermediates_are_within_webpki_depth()
    {
        var root = Shapes.Root();
        var chain = new List<TestCertificate>();
        var issuer = root;
        for (var i = 0; i < 6; i++)
        {
            issuer = Shapes.Intermediate(issuer, $"Level {i} CA");
            chain.Insert(0, issuer);
        }

        using var six = new CertificateCase().Anchor(root).Serve(Shapes.Host, chain.Prepend(Shapes.Leaf(issuer)).ToArray());
        six.Run().IsClean();
    }

    [SkippableFact]
    public void C12_a_leaf_inside_the_anchors_excluded_dns_subtree_violates_its_name_constraints()
    {
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
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", outside.ChainLine(0), RejectedBy.OpenSsl);

        using var inside = new CertificateCase().Anchor(root).Serve(Shapes.Host, TestPki.Create(Shapes.LeafSpec(root) with { Subject = "O=Coco.InitData tests,CN=" + Shapes.Host }));
        inside.Run().Lacks("CID2078");
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
        FindingAssert.Is(result.Single("CID2078"), DiagnosticSeverity.Error, "chain.pem", inside.ChainLine(0), RejectedBy.Rustls);
        Assert.Equal("accepted", result.Verdicts.VerdictOf(inside.LoadedChain[0].Fingerprint, TlsProfile.OpenSsl));
    }

    [SkippableFact]
    public void C12_a_non_prefix_ip_mask_fails_go_on_the_ca_and_rustls_on_an_ip_san_it_reaches()
    {
        using var dns = OracleCases.All["C12 non-contiguous ip mask, dns leaf"]();
        var result = dns.Run();
        var finding = result.Single("CID2080");
        FindingAssert.Is(finding, DiagnosticSeverity.Warning, "ca.pem", CertificateCase.BeginLine, RejectedBy.Go);
        Assert.Contains("12.34.56.0/255.255.255.1", finding.Message, StringComparison.Ordinal);
        result.Lacks("CID2078");

        using var ip = OracleCases.All["C12 non-contiguous ip mask, leaf ip inside"]();
        var ipResult = ip.Run();
        var violation = ipResult.Single("CID2078");
        FindingAssert.Is(violation, DiagnosticSeverity.Error, "chain.pem", ip.ChainLine(0), RejectedBy.Rustls);
        Assert.Contains("InvalidNetworkMaskConstraint", violation.Message, StringComparison.Ordinal);
    }

    // Go 1.19.8 (Debian golang-go), crypto/x509/verify.go: isValid checks the name constraints of a CA against the
    // SANs of the leaf and of the CA itself, never against the name dialled; VerifyHostname matches an IP host with
    // net.IP.Equal, which takes ::ffff:12.34.56.78 for 12.34.56.78; matchIPConstraint compares only equal lengths.
    [SkippableTheory]
    [InlineData("C4 ipv4-mapped ipv6 host, ipv4 san")]
    [InlineData("C12 ipv4-mapped ipv6 host, ipv4 san inside an ipv4 constraint")]
    public void Go_takes_an_ipv4_mapped_ipv6_host_for_its_ipv4_san_so_only_rustls_and_openssl_reject_and_no_constraint_is_violated(string scenario)
    {
        using var c = OracleCases.All[scenario]();
        var result = c.Run();
        result.Lacks("CID2078");
        FindingAssert.Is(result.Single("CID2064"), DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), RejectedBy.RustlsAndOpenSsl);
        Assert.Equal("accepted", result.Verdicts.VerdictOf(c.LoadedChain[0].Fingerprint, TlsProfile.Go));
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
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(1), RejectedBy.Rustls);
        Assert.Contains(named, finding.Message, StringComparison.Ordinal);
        Assert.Contains(guestError, finding.Message, StringComparison.Ordinal);
        Assert.Equal("rejected: CID2078", result.Verdicts.VerdictOf(c.LoadedChain[1].Fingerprint, TlsProfile.Rustls));
        Assert.Equal("accepted", result.Verdicts.VerdictOf(c.LoadedChain[1].Fingerprint, TlsProfile.OpenSsl));
        Assert.DoesNotContain(c.Run(TlsProfile.OpenSsl).Diagnostics, d => d.Code == "CID2078");
    }

    // With rustls as the only guest stack the same chain raises nothing at all: the error is OpenSSL's alone.
    [SkippableTheory]
    [InlineData("C12 rfc822Name constraint, leaf subject emailAddress outside", "CID2078", "subject email:admin@other.test")]
    [InlineData("C14 leaf named like its issuer without key identifiers", "CID2081", "self-signed certificate")]
    public void A_flaw_only_openssl_rejects_is_its_error_and_a_rustls_only_guest_meets_nothing(string scenario, string code, string saying)
    {
        using var c = OracleCases.All[scenario]();
        var result = c.Run();
        var finding = result.Single(code);
        FindingAssert.Is(finding, DiagnosticSeverity.Error, "chain.pem", c.ChainLine(0), RejectedBy.OpenSsl);
        Assert.Contains(saying, finding.Message, StringComparison.Ordinal);
        Assert.Empty(c.Run(TlsProfile.Rustls).Diagnostics);
    }
}
