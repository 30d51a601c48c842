using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Registries;

/// <summary>
/// image-rs (guest-components v0.21.0, image-rs/src/registry/mod.rs) takes every image reference
/// as an oci_client::Reference, parsed by oci-spec 0.9.0 src/distribution/reference.rs, whose REFERENCE_REGEXP
/// allows a host that is a domain name or IPv4 address with an optional port, never "[ipv6]":
/// "[fd00::5]:5000/x:1" is an invalid reference before any rule applies. A mirror or Location is joined with the
/// rest of the reference and parsed again with `Reference::from_str(..)?`, so an IPv6 one fails every matching pull.
/// </summary>
public sealed class GuestReferenceGrammarTests
{
    [Fact]
    public void An_ipv6_registry_warns_that_the_guest_cannot_pull_it_and_still_writes_the_node_files()
    {
        using var spec = new RegistrySpec().Registry("[fd00::5]:5000", 10, insecure: "true");

        var result = spec.Generate();

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "CID1040");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(RegistrySpec.Line(10), warning.Location);
        Assert.Contains("oci-spec", warning.Message, StringComparison.Ordinal);
        Assert.Contains("DNS name", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Artifacts);
        Assert.Contains(result.Artifacts!.Files, f => f.RelativePath == "containerd/certs.d/[fd00::5]_5000_/hosts.toml");
    }

    [Fact]
    public void An_ipv6_location_or_mirror_is_an_error_because_every_pull_of_the_prefix_would_fail()
    {
        using var spec = new RegistrySpec()
            .Registry("docker.io", 10)
            .Mirror("[fd00::6]:5000/hub", "docker.io", 11, insecure: "true")
            .Registry("quay.io", 12, location: "[fd00::7]:5000/quay");

        var result = spec.Generate();

        var errors = result.Diagnostics.Where(d => d.Code == "CID1041").ToList();
        Assert.Equal(new[] { RegistrySpec.Line(12), RegistrySpec.Line(11) }, errors.Select(e => e.Location).OrderByDescending(l => l.Line));
        Assert.All(errors, e => Assert.Equal(DiagnosticSeverity.Error, e.Severity));
        Assert.Null(result.Artifacts);
    }

    [Theory]
    [InlineData("10.0.0.5:5000")]
    [InlineData("registry.example.internal")]
    public void Ipv4_and_dns_registries_do_not_warn(string registry)
    {
        using var spec = new RegistrySpec().Registry(registry, 10, insecure: "true");

        Assert.DoesNotContain(spec.Generate().Diagnostics, d => d.Code is "CID1040" or "CID1041");
    }
}
