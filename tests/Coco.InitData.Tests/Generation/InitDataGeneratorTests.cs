using System.Globalization;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Specification;
using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Tests.Generation;

[Trait("Category", "EndToEnd")]
public sealed class InitDataGeneratorTests
{
    [SkippableFact]
    public void Three_certificates_in_one_file_give_three_entries_and_a_duplicate_is_embedded_once()
    {
        using var dir = new TempDirectory();
        var (a, b, c) = (TestPki.Root("A"), TestPki.Root("B", KeyKind.EcP384), TestPki.Root("C", KeyKind.Ed25519));
        dir.Write("bundle.pem", "# comment OpenSSL ignores\n" + a.Pem + b.Pem + c.Pem);
        dir.Write("again.pem", b.Pem);
        var spec = Specs.WithKbs(dir.Path, Specs.Registry(dir.Path, "registry.example.internal:5000", "bundle.pem;again.pem"));

        var result = InitDataGenerator.Generate(spec);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var cdh = PythonOracle.ParseToml(result.Artifacts!.Document.ToToml()).GetProperty("nested").GetProperty("cdh.toml");
        var roots = cdh.GetProperty("image").GetProperty("extra_root_certificates").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(new[] { a.Pem, b.Pem, c.Pem }, roots);
        var note = Assert.Single(result.Diagnostics, d => d.Code == "CID2006");
        Assert.Equal(DiagnosticSeverity.Note, note.Severity);
        Assert.EndsWith("again.pem", note.Location.File, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void CRLF_a_BOM_and_surrounding_text_in_a_PEM_file_give_the_same_bytes_as_canonical_PEM()
    {
        using var dir = new TempDirectory();
        var root = TestPki.Root();
        dir.Write("lf.pem", root.Pem);
        dir.Write("crlf.pem", "\uFEFFsubject=CN=x\r\n  " + root.Pem.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n");

        var lf = GenerateWithAuthority(dir.Path, "lf.pem");
        var crlf = GenerateWithAuthority(dir.Path, "crlf.pem");

        Assert.Equal(lf.Artifacts!.DocumentBytes, crlf.Artifacts!.DocumentBytes);
    }

    [SkippableFact]
    public void A_der_certificate_file_is_accepted()
    {
        using var dir = new TempDirectory();
        var root = TestPki.Root();
        dir.Write("ca.der", root.Der);

        var result = GenerateWithAuthority(dir.Path, "ca.der");

        Assert.Equal(root.Pem, Assert.Single(result.Artifacts!.ExtraRootCertificates).Pem);
    }

    [SkippableFact]
    public void A_private_key_is_an_error_at_its_begin_line_and_nothing_is_produced()
    {
        using var dir = new TempDirectory();
        var root = TestPki.Root();
        dir.Write("ca.pem", root.Pem + root.PrivateKeyPem);

        var result = GenerateWithAuthority(dir.Path, "ca.pem");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CID1063", error.Code);
        Assert.Equal(root.Pem.Split('\n').Length, error.Location.Line);
        Assert.Null(result.Artifacts);
        Assert.DoesNotContain("PRIVATE KEY-----\nMI", error.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("missing.pem", "CID1008")]
    [InlineData("empty.pem", "CID2001")]
    [InlineData("text.pem", "CID2001")]
    [InlineData("csr.pem", "CID2004")]
    [InlineData("damaged.pem", "CID2003")]
    [InlineData("trailing.pem", "CID2003")]
    [InlineData("unterminated.pem", "CID2005")]
    [InlineData("huge.pem", "CID1009")]
    public void Bad_certificate_files_are_errors_with_their_code(string file, string code)
    {
        using var dir = new TempDirectory();
        var pem = TestPki.Root().Pem;
        dir.Write("empty.pem", string.Empty);
        dir.Write("text.pem", "this is not a certificate\n");
        dir.Write("csr.pem", "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n");
        dir.Write("damaged.pem", pem.Replace("MII", "M*I", StringComparison.Ordinal));
        dir.Write("trailing.pem", Coco.InitData.Certificates.CanonicalPem.Encode("CERTIFICATE", TestPki.Root().Der.Concat(new byte[] { 0, 0 }).ToArray()));
        dir.Write("unterminated.pem", pem[..^26]);
        dir.Write("huge.pem", new byte[Coco.InitData.Certificates.CertificateFileLoader.MaxFileBytes + 1]);

        var result = GenerateWithAuthority(dir.Path, file, line: 12);

        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Severity == DiagnosticSeverity.Error);
        Assert.Null(result.Artifacts);
        if (code is "CID1008" or "CID1009")
        {
            Assert.Equal(12, result.Diagnostics.First(d => d.Code == code).Location.Line);
        }
    }

    [SkippableTheory]
    [InlineData("https://r.example")]
    [InlineData("r.example/")]
    [InlineData("r example")]
    [InlineData("r.example/../x")]
    [InlineData("")]
    public void An_invalid_registry_name_is_an_error_at_its_item(string name)
    {
        using var dir = new TempDirectory();

        var result = InitDataGenerator.Generate(Specs.WithKbs(dir.Path, Specs.Registry(dir.Path, name, line: 21)));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("CID1001", error.Code);
        Assert.Equal(21, error.Location.Line);
    }

    [SkippableFact]
    public void Registries_without_a_kbs_are_an_error_that_says_what_to_set()
    {
        using var dir = new TempDirectory();
        var spec = new InitDataSpecification { BaseDirectory = dir.Path, Registries = new[] { Specs.Registry(dir.Path, "r.example", insecure: "true", line: 8) } };

        var error = Assert.Single(InitDataGenerator.Generate(spec).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        Assert.Equal("CID1003", error.Code);
        Assert.Equal(8, error.Location.Line);
        Assert.Contains("InitDataKbsUrl", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Offline_fs_kbc_needs_no_kbs_url()
    {
        using var dir = new TempDirectory();
        var spec = new InitDataSpecification
        {
            BaseDirectory = dir.Path,
            Registries = new[] { Specs.Registry(dir.Path, "r.example", insecure: "true") },
            KbcName = Specs.Setting("InitDataKbcName", "offline_fs_kbc"),
        };

        var result = InitDataGenerator.Generate(spec);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain("aa.toml", result.Artifacts!.Document.Data.Keys);
        Assert.StartsWith("[kbc]\nname = \"offline_fs_kbc\"\n", result.Artifacts.Document.Data["cdh.toml"], StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(nameof(InitDataSpecification.Algorithm), "sha-256", "CID1002")]
    [InlineData(nameof(InitDataSpecification.Algorithm), "SHA256", "CID1002")]
    [InlineData(nameof(InitDataSpecification.KbcName), "sample_kbc", "CID1004")]
    [InlineData(nameof(InitDataSpecification.KbsUrl), "kbs.example:8080", "CID1005")]
    [InlineData(nameof(InitDataSpecification.KbsUrl), "https://admin:hunter2@kbs.example", "CID1060")]
    [InlineData(nameof(InitDataSpecification.RegistryCredentialsUri), "https://vault/creds", "CID1006")]
    [InlineData(nameof(InitDataSpecification.ImageSecurityPolicyUri), "not a uri", "CID1006")]
    [InlineData(nameof(InitDataSpecification.CertificateExpiryWarningDays), "soon", "CID1007")]
    [InlineData(nameof(InitDataSpecification.CertificateLifetimeWarningPercent), "120", "CID1007")]
    [InlineData(nameof(InitDataSpecification.ValidationTime), "yesterday", "CID1007")]
    [InlineData(nameof(InitDataSpecification.TlsProfiles), "rustls;schannel", "CID1007")]
    [InlineData(nameof(InitDataSpecification.AnnotationName), "Bad Name", "CID1013")]
    [InlineData(nameof(InitDataSpecification.PolicyFile), "missing.rego", "CID1008")]
    public void Unknown_or_invalid_property_values_are_errors_at_the_property(string property, string value, string code)
    {
        using var dir = new TempDirectory();
        var setting = Specs.Setting("InitData" + property, value, line: 5);
        var spec = With(Specs.WithKbs(dir.Path), property, setting);

        var result = InitDataGenerator.Generate(spec);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(code, error.Code);
        Assert.Equal(5, error.Location.Line);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Artifacts);
    }

    [SkippableFact]
    public void A_policy_file_is_embedded_verbatim_with_LF_and_without_a_BOM()
    {
        using var dir = new TempDirectory();
        dir.Write("policy.rego", "\uFEFFpackage agent_policy\r\n\r\ndefault PullImageRequest := true\r\n");
        var spec = WithPolicy(dir.Path, "policy.rego");

        var result = InitDataGenerator.Generate(spec);

        Assert.Equal("package agent_policy\n\ndefault PullImageRequest := true\n", result.Artifacts!.Document.Data["policy.rego"]);
    }

    [SkippableFact]
    public void A_policy_file_that_is_not_utf8_is_an_error()
    {
        using var dir = new TempDirectory();
        dir.Write("policy.rego", new byte[] { 0x70, 0xFF, 0xFE, 0x0A });
        var spec = WithPolicy(dir.Path, "policy.rego");

        Assert.Equal("CID1011", Assert.Single(InitDataGenerator.Generate(spec).Diagnostics).Code);
    }

    // Both at the authority's BEGIN line (two blank lines above it): a finding a user can jump to.
    [SkippableTheory]
    [InlineData("2020-01-01", "2026-01-01", "CID2020", "Error", "2026-01-01T00:00:00Z")]
    [InlineData("2016-06-01", "2026-06-20", "CID2023", "Warning", ", 19 days left (warning threshold")]
    public void An_expired_certificate_authority_is_an_error_and_one_expiring_within_the_warning_window_warns_and_still_generates(string notBefore, string notAfter, string code, string severity, string saying)
    {
        using var dir = new TempDirectory();
        var authority = TestPki.Create(new CertificateSpec { NotBefore = DateTime.Parse(notBefore, CultureInfo.InvariantCulture), NotAfter = DateTime.Parse(notAfter, CultureInfo.InvariantCulture) });
        dir.Write("ca.pem", "\n\n" + authority.Pem);

        var result = GenerateWithAuthority(dir.Path, "ca.pem");

        var finding = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal(Enum.Parse<DiagnosticSeverity>(severity), finding.Severity);
        Assert.Equal(3, finding.Location.Line);
        Assert.Contains(saying, finding.Message, StringComparison.Ordinal);
        if (finding.Severity == DiagnosticSeverity.Error)
        {
            Assert.Null(result.Artifacts);
        }
        else
        {
            Assert.NotNull(result.Artifacts);
        }
    }

    [SkippableFact]
    public void The_validation_time_property_fixes_the_instant()
    {
        using var dir = new TempDirectory();
        dir.Write("ca.pem", TestPki.Root().Pem);
        var spec = Specs.WithKbs(dir.Path, Specs.Registry(dir.Path, "r.example", "ca.pem"));
        var later = new InitDataSpecification
        {
            BaseDirectory = spec.BaseDirectory,
            Registries = spec.Registries,
            KbsUrl = spec.KbsUrl,
            ValidationTime = Specs.Setting("InitDataValidationTime", "2040-01-01T00:00:00Z"),
        };

        Assert.Contains(InitDataGenerator.Generate(later).Diagnostics, d => d.Code == "CID2020");
    }

    [SkippableFact]
    public void The_kbs_certificate_goes_into_kbc_and_aa_toml()
    {
        using var dir = new TempDirectory();
        var kbsRoot = TestPki.Root("KBS Root");
        dir.Write("kbs.pem", kbsRoot.Pem);
        var spec = new InitDataSpecification
        {
            BaseDirectory = dir.Path,
            KbsUrl = Specs.Setting("InitDataKbsUrl", "https://kbs.example.internal:8080"),
            KbsCertificate = Specs.Setting("InitDataKbsCertificate", "kbs.pem"),
            Clock = () => TestPki.ValidationTime,
        };

        var result = InitDataGenerator.Generate(spec);
        var parsed = PythonOracle.ParseToml(result.Artifacts!.Document.ToToml()).GetProperty("nested");

        Assert.Equal(kbsRoot.Pem, parsed.GetProperty("cdh.toml").GetProperty("kbc").GetProperty("kbs_cert").GetString());
        Assert.Equal(kbsRoot.Pem, parsed.GetProperty("aa.toml").GetProperty("token_configs").GetProperty("kbs").GetProperty("cert").GetString());
        Assert.Equal("https://kbs.example.internal:8080", parsed.GetProperty("aa.toml").GetProperty("token_configs").GetProperty("kbs").GetProperty("url").GetString());
        Assert.False(parsed.GetProperty("cdh.toml").TryGetProperty("image", out _));
    }

    [SkippableFact]
    public void The_image_uris_are_emitted_and_socket_never_is()
    {
        using var dir = new TempDirectory();
        var spec = new InitDataSpecification
        {
            BaseDirectory = dir.Path,
            KbsUrl = Specs.Setting("InitDataKbsUrl", "http://kbs:8080"),
            RegistryCredentialsUri = Specs.Setting("InitDataRegistryCredentialsUri", "kbs:///default/credential/test"),
            ImageSecurityPolicyUri = Specs.Setting("InitDataImageSecurityPolicyUri", "kbs:///default/security-policy/test"),
            SigstoreConfigUri = Specs.Setting("InitDataSigstoreConfigUri", "kbs:///default/sigstore-config/test"),
        };

        var cdh = InitDataGenerator.Generate(spec).Artifacts!.Document.Data["cdh.toml"];
        var image = PythonOracle.ParseToml(new Coco.InitData.Documents.InitDataDocument(Coco.InitData.Measurements.DigestAlgorithm.Sha256, new Dictionary<string, string> { ["cdh.toml"] = cdh }).ToToml())
            .GetProperty("nested").GetProperty("cdh.toml").GetProperty("image");

        Assert.Equal("kbs:///default/credential/test", image.GetProperty("authenticated_registry_credentials_uri").GetString());
        Assert.Equal("kbs:///default/security-policy/test", image.GetProperty("image_security_policy_uri").GetString());
        Assert.Equal("kbs:///default/sigstore-config/test", image.GetProperty("sigstore_config_uri").GetString());
        Assert.DoesNotContain("socket", cdh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_annotation_over_256_KiB_is_an_error_and_over_64_KiB_a_warning()
    {
        using var dir = new TempDirectory();
        var random = new RandomText(42);
        // Letters and digits: random punctuation would spell user:password@host and be refused as a secret.
        dir.Write("big.rego", random.Of(RandomText.Alphanumeric, 300_000));
        dir.Write("medium.rego", random.Of(RandomText.Alphanumeric, 70_000));

        var big = InitDataGenerator.Generate(WithPolicy(dir.Path, "big.rego"));
        var medium = InitDataGenerator.Generate(WithPolicy(dir.Path, "medium.rego"));

        Assert.Contains(big.Diagnostics, d => d.Code == "CID3001" && d.Severity == DiagnosticSeverity.Error);
        Assert.Null(big.Artifacts);
        Assert.Contains(medium.Diagnostics, d => d.Code == "CID3002" && d.Severity == DiagnosticSeverity.Warning);
        Assert.NotNull(medium.Artifacts);
    }

    [SkippableFact]
    public void The_manifest_names_certificates_by_path_relative_to_the_project_so_folders_do_not_matter()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var root = TestPki.Root();
        first.Write("certs/ca.pem", root.Pem);
        second.Write("certs/ca.pem", root.Pem);

        var a = GenerateWithAuthority(first.Path, "certs/ca.pem");
        var b = GenerateWithAuthority(second.Path, "certs/ca.pem");

        Assert.Equal(a.Artifacts!.Files.Select(f => f.Content), b.Artifacts!.Files.Select(f => f.Content));
        Assert.Contains("\"source\": \"certs/ca.pem\"", System.Text.Encoding.UTF8.GetString(a.Artifacts.Files[2].Content), StringComparison.Ordinal);
    }

    private static GenerationResult GenerateWithAuthority(string directory, string certificateAuthority, int line = 10) =>
        InitDataGenerator.Generate(Specs.WithKbs(directory, Specs.Registry(directory, "r.example", certificateAuthority, line)));

    private static InitDataSpecification WithPolicy(string directory, string policyFile) =>
        new() { BaseDirectory = directory, PolicyFile = Specs.Setting("InitDataPolicyFile", policyFile) };

    private static InitDataSpecification With(InitDataSpecification spec, string property, SettingValue value)
    {
        var copy = new InitDataSpecification
        {
            BaseDirectory = spec.BaseDirectory,
            Registries = spec.Registries,
            KbsUrl = spec.KbsUrl,
            Clock = spec.Clock,
        };
        typeof(InitDataSpecification).GetProperty(property, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)!.SetValue(copy, value);
        return copy;
    }
}
