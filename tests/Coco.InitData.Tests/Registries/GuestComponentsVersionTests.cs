using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Specification;

namespace Coco.InitData.Tests.Registries;

/// <summary>
/// guest-components image-rs/src/config.rs at v0.13.0 has no ImageConfig.registry_config (only
/// registry_configuration_uri; serde drops the unknown [image.registry_config] table) and image_pull_proxy is an
/// Option&lt;String&gt;; at v0.14.0 registry_config exists and image_pull_proxy is the ProxyConfig table.
/// </summary>
public sealed class GuestComponentsVersionTests
{
    private static GenerationResult Generate(string? version, string? insecure = "true", string? proxy = null)
    {
        using var dir = new TempDirectory();
        var spec = Specs.WithKbs(dir.Path, Specs.Registry(dir.Path, "10.0.0.5:5000", insecure: insecure));
        return InitDataGenerator.Generate(new InitDataSpecification
        {
            BaseDirectory = spec.BaseDirectory,
            KbsUrl = spec.KbsUrl,
            Registries = spec.Registries,
            HttpsProxy = proxy is null ? null : Specs.Setting("InitDataHttpsProxy", proxy, line: 6),
            GuestComponentsVersion = version is null ? null : Specs.Setting("InitDataGuestComponentsVersion", version, line: 8),
        });
    }

    [Theory]
    [InlineData("0.13.0")]
    [InlineData("v0.12.0")]
    public void A_registry_rule_for_a_guest_older_than_0_14_fails_the_build_at_the_property(string version)
    {
        var result = Generate(version);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("CID1043", 8), (error.Code, error.Location.Line));
        Assert.Contains("v0.14.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("vanish", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Artifacts);
    }

    [Fact]
    public void A_proxy_table_for_a_0_13_guest_fails_the_build_because_it_expects_a_string()
    {
        var result = Generate("0.13", insecure: null, proxy: "http://proxy.example.internal:3128");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CID1043", error.Code);
        Assert.Contains("image_pull_proxy", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0.14.0")]
    [InlineData("v0.21.0")]
    public void The_current_release_and_0_14_or_later_take_every_feature(string? version)
    {
        Assert.NotNull(Generate(version, proxy: "http://proxy.example.internal:3128").Artifacts);
    }

    [Fact]
    public void A_0_13_guest_with_nothing_it_cannot_read_builds()
    {
        Assert.NotNull(Generate("0.13.0", insecure: null).Artifacts);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("0.10.0")]
    public void A_version_that_is_not_a_modelled_release_is_an_invalid_property(string version)
    {
        Assert.Equal("CID1007", Assert.Single(Generate(version).Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Code);
    }
}
