using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;

namespace Coco.InitData.Tests.Registries;

/// <summary>Every registry rule: its code, its severity and the item it points at.</summary>
public sealed class RegistryValidationTests
{
    /// <summary>The one finding with <paramref name="code"/>, checked for its severity and for the item it points at.</summary>
    private static Diagnostic SingleAt(GenerationResult result, string code, DiagnosticSeverity severity, int line)
    {
        var found = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got: {string.Join(" | ", result.Diagnostics.Select(d => d.ToCanonicalString()))}");
        Assert.Equal(severity, found[0].Severity);
        Assert.Equal(RegistrySpec.Line(line), found[0].Location);
        return found[0];
    }

    [Fact]
    public void Two_prefixes_that_reach_one_endpoint_over_http_and_https_are_an_error_at_the_second_item()
    {
        using var spec = new RegistrySpec()
            .Registry("10.0.0.5:5000", 10, insecure: "true")
            .Registry("10.0.0.5:5000/team", 11);

        var result = spec.Generate();

        var d = SingleAt(result, "CID1020", DiagnosticSeverity.Error, 11);
        Assert.Contains("Workload.csproj(10,1)", d.Message, StringComparison.Ordinal);
        Assert.Null(result.Artifacts);
    }

    [Fact]
    public void A_remap_to_a_plain_http_registry_without_insecure_is_an_error()
    {
        using var spec = new RegistrySpec()
            .Registry("10.0.0.5:5000", 10, insecure: "true")
            .Registry("docker.io/library", 12, location: "10.0.0.5:5000/library");

        SingleAt(spec.Generate(), "CID1020", DiagnosticSeverity.Error, 12);
    }

    [Fact]
    public void A_mirror_that_disagrees_with_a_registry_on_the_same_endpoint_is_an_error_at_the_mirror()
    {
        using var spec = new RegistrySpec()
            .Registry("10.0.0.5:5000", 10, insecure: "true")
            .Registry("docker.io", 11)
            .Mirror("10.0.0.5:5000/hub", "docker.io", 12);

        SingleAt(spec.Generate(), "CID1020", DiagnosticSeverity.Error, 12);
    }

    [Fact]
    public void Overlapping_prefixes_that_agree_are_fine_and_the_longest_is_a_rule_of_its_own()
    {
        using var spec = new RegistrySpec()
            .Registry("registry.example.internal:5000", 10, insecure: "true")
            .Registry("registry.example.internal:5000/blocked", 11, blocked: "true", insecure: "true")
            .Registry("registry.example.internal:5000/team", 12, insecure: "true");

        var result = spec.Generate();

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(result.Diagnostics, d => d.Code == "CID1027" && d.Location == RegistrySpec.Line(11));
    }

    [Fact]
    public void The_same_prefix_twice_is_still_CID1010()
    {
        using var spec = new RegistrySpec().Registry("quay.io", 10).Registry("QUAY.io", 11, blocked: "true");

        SingleAt(spec.Generate(), "CID1010", DiagnosticSeverity.Error, 11);
    }

    [Fact]
    public void A_wildcard_prefix_with_a_location_is_an_error()
    {
        using var spec = new RegistrySpec().Registry("*.example.internal", 14, location: "mirror.example.internal");

        SingleAt(spec.Generate(), "CID1021", DiagnosticSeverity.Error, 14);
    }

    [Fact]
    public void A_wildcard_prefix_cannot_be_insecure_or_have_mirrors_but_may_block()
    {
        using var insecure = new RegistrySpec().Registry("*.example.internal", 15, insecure: "true");
        SingleAt(insecure.Generate(), "CID1022", DiagnosticSeverity.Error, 15);

        using var mirrored = new RegistrySpec().Registry("*.example.internal", 15).Mirror("mirror.example.internal", "*.example.internal", 16);
        SingleAt(mirrored.Generate(), "CID1022", DiagnosticSeverity.Error, 16);

        using var blocked = new RegistrySpec().Registry("*.example.internal", 15, blocked: "true");
        var result = blocked.Generate();
        Assert.False(result.HasErrors, string.Join(" | ", result.Diagnostics));
    }

    [Fact]
    public void A_mirror_of_an_undeclared_registry_implies_the_registry_rule_as_the_design_example_writes_it()
    {
        // design/surface.md: <InitDataRegistryMirror Include="mirror.example.internal:5000" Registry="docker.io" /> alone.
        using var spec = new RegistrySpec().Registry("quay.io", 10).Mirror("mirror.example.internal:5000", "docker.io", 20);

        var result = spec.Generate();

        Assert.False(result.HasErrors, string.Join(" | ", result.Diagnostics));
        var cdh = Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(result.Artifacts!.Document.Data["cdh.toml"])!;
        var rules = ((Tomlyn.Model.TomlTableArray)((Tomlyn.Model.TomlTable)((Tomlyn.Model.TomlTable)cdh["image"])["registry_config"])["registry"]).ToList();
        var docker = Assert.Single(rules, r => (string)r["prefix"] == "docker.io");
        Assert.Equal("docker.io", docker["location"]);
        Assert.Equal("mirror.example.internal:5000", Assert.Single((Tomlyn.Model.TomlTableArray)docker["mirror"])["location"]);
    }

    [Theory]
    [InlineData("", "it is not set")]
    [InlineData("docker.io:x", "'docker.io:x'")]
    public void A_mirror_without_a_usable_registry_is_an_error_at_the_mirror(string registry, string expected)
    {
        using var spec = new RegistrySpec().Registry("quay.io", 10).Mirror("mirror.example.internal:5000", registry, 20);

        var d = SingleAt(spec.Generate(), "CID1023", DiagnosticSeverity.Error, 20);
        Assert.Contains(expected, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insecure_with_a_certificate_authority_is_a_warning_that_says_insecure_means_plain_http()
    {
        using var spec = new RegistrySpec();
        spec.WriteCa("ca.pem", TestPki.Root());
        spec.Registry("10.0.0.5:5000", 21, insecure: "true", ca: "ca.pem");

        var result = spec.Generate();

        var d = SingleAt(result, "CID1024", DiagnosticSeverity.Warning, 21);
        Assert.Contains("plain HTTP", d.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Artifacts);
    }

    [Fact]
    public void An_insecure_registry_or_mirror_without_an_image_security_policy_is_a_warning_at_each()
    {
        using var spec = new RegistrySpec { ImageSecurityPolicyUri = null }
            .Registry("10.0.0.5:5000", 22, insecure: "true")
            .Registry("docker.io", 23)
            .Mirror("10.0.0.6:5000", "docker.io", 24, insecure: "true");

        var result = spec.Generate();

        var warnings = result.Diagnostics.Where(d => d.Code == "CID1025").ToList();
        Assert.Equal(new[] { RegistrySpec.Line(22), RegistrySpec.Line(24) }, warnings.Select(w => w.Location));
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.NotNull(result.Artifacts);
    }

    [Fact]
    public void An_image_security_policy_silences_the_plain_http_warning()
    {
        using var spec = new RegistrySpec().Registry("10.0.0.5:5000", 22, insecure: "true");

        Assert.DoesNotContain(spec.Generate().Diagnostics, d => d.Code == "CID1025");
    }

    [Fact]
    public void A_blocked_registry_with_settings_that_cannot_apply_is_a_warning()
    {
        using var spec = new RegistrySpec().Registry("quay.io", 25, blocked: "true", location: "mirror.example.internal");

        var d = SingleAt(spec.Generate(), "CID1027", DiagnosticSeverity.Warning, 25);
        Assert.Contains("Location", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InitDataHttpsProxy", "ftp://proxy.example.internal:3128", "CID1005")]
    [InlineData("InitDataHttpsProxy", "socks5://proxy.example.internal:1080", "CID1005")]
    [InlineData("InitDataHttpProxy", "http://user:secret@proxy.example.internal:3128", "CID1060")]
    [InlineData("InitDataRegistryCredentialsUri", "https://vault.example.internal/auth.json", "CID1006")]
    [InlineData("InitDataRegistryCredentialsUri", "kbs:///default/credential/test?token=abc", "CID1061")]
    [InlineData("InitDataNoProxy", "user:hunter22@internal.example", "CID1061")]
    [InlineData("InitDataSigstoreConfigUri", "kbs:///default/sigstore/test?sig=0123456789abcdef", "CID1061")]
    [InlineData("InitDataHttpsProxy", "https://proxy.example.internal:3128/?api_key=0123456789", "CID1061")]
    [InlineData("InitDataNoProxy", "ghp_0123456789abcdefghijABCDEFGHIJklmnop", "CID1061")]
    [InlineData("InitDataNoProxy", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "CID1061")]
    [InlineData("InitDataRegistryCredentialsUri", "file:///etc/auth.json?password=x", "CID1061")]
    public void Bad_proxy_credentials_and_inline_secrets_are_errors_at_the_property(string property, string value, string code)
    {
        using var spec = new RegistrySpec().Registry("quay.io", 10, blocked: "true");
        spec.Properties[property] = value;

        var result = spec.Generate();

        var d = SingleAt(result, code, DiagnosticSeverity.Error, 100);
        Assert.Contains(property, d.Message, StringComparison.Ordinal);
        if (code == "CID1061")
        {
            // The secret itself must not end up in the build log.
            Assert.DoesNotContain(value[10..], d.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("InitDataRegistryCredentialsUri", "kbs:///default/credential/test")]
    [InlineData("InitDataRegistryCredentialsUri", "file:///etc/containers/auth.json")]
    [InlineData("InitDataHttpsProxy", "http://proxy.example.internal:3128")]
    [InlineData("InitDataNoProxy", "localhost,127.0.0.1,.svc,.cluster.local,10.0.0.0/8")]
    [InlineData("InitDataNoProxy", "helpdesk-registry-0123456789.example.internal,task-runner-0123456789abcdef.svc")]
    public void Ordinary_values_are_not_taken_for_secrets(string property, string value)
    {
        using var spec = new RegistrySpec().Registry("quay.io", 10, blocked: "true");
        spec.Properties[property] = value;

        var result = spec.Generate();

        Assert.False(result.HasErrors, string.Join(" | ", result.Diagnostics));
    }
}
