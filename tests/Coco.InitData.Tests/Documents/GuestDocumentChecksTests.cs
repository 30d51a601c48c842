using System.Text;
using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;

namespace Coco.InitData.Tests.Documents;

/// <summary>
/// Documents we did not write, checked for what makes the guest fail, as read in
/// guest-components v0.21.0 (confidential-data-hub/hub/src/config.rs, image-rs/src/config.rs,
/// image-rs/src/registry/mod.rs validate_and_tidy, image-rs/src/image.rs).
/// </summary>
public sealed class GuestDocumentChecksTests
{
    private const string Kbc = "[kbc]\nname = 'cc_kbc'\nurl = 'http://kbs:8080'\n";

    private static List<Diagnostic> Check(string cdh)
    {
        var text = "version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n\"cdh.toml\" = '''\n" + cdh + "'''\n";
        Assert.True(InitDataDocumentReader.TryRead(Encoding.UTF8.GetBytes(text), out var parsed, out var problem), problem);
        var diagnostics = new DiagnosticBag();
        // The summary's own findings (a root that holds no certificate) are not the guest checks'.
        GuestDocumentChecks.Run(InitDataSummary.Read(parsed!, "pod.yaml", new DiagnosticBag()), "pod.yaml", diagnostics);
        return diagnostics.Items.ToList();
    }

    [Fact]
    public void A_cdh_toml_without_kbc_is_an_error_because_cdh_does_not_start()
    {
        var found = Assert.Single(Check("socket = 'unix:///run/confidential-containers/cdh.sock'\ncredentials = []\n"));

        Assert.Equal("CID3023", found.Code);
        Assert.Equal(DiagnosticSeverity.Error, found.Severity);
        Assert.Contains("missing configuration field kbc.name", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_pull_proxy_string_is_an_error_on_current_guests()
    {
        Assert.Equal("CID3024", Assert.Single(Check(Kbc + "[image]\nimage_pull_proxy = 'http://proxy:3128'\n")).Code);
        Assert.Empty(Check(Kbc + "[image.image_pull_proxy]\nhttps_proxy = 'http://proxy:3128'\n"));
    }

    [Theory]
    [InlineData("prefix = '*.example.com'\nblocked = true\n", "location is unset and prefix is with wildcard")]
    [InlineData("insecure = true\n", "both location and prefix are empty")]
    [InlineData("prefix = 'docker.io'\nlocation = 'docker.io'\n[[image.registry_config.registry.mirror]]\ninsecure = true\n", "mirror location is empty")]
    public void A_registry_rule_image_rs_refuses_is_an_error_because_the_whole_registry_config_goes(string rule, string reason)
    {
        var found = Assert.Single(Check(Kbc + "[image.registry_config]\n[[image.registry_config.registry]]\n" + rule));

        Assert.Equal("CID3025", found.Code);
        Assert.Contains(reason, found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocked_wildcard_with_its_own_prefix_as_location_is_what_the_build_writes_and_is_fine()
    {
        Assert.Empty(Check(Kbc + "[image.registry_config]\n[[image.registry_config.registry]]\nprefix = '*.example.com'\nlocation = '*.example.com'\nblocked = true\n"));
    }

    [Fact]
    public void An_extra_root_that_holds_no_certificate_is_an_error_naming_the_entry()
    {
        var root = TestPki.Root();

        var found = Assert.Single(Check(Kbc + "[image]\nextra_root_certificates = [\"\"\"\n" + root.Pem + "\"\"\", 'not a certificate']\n"));

        Assert.Equal("CID3026", found.Code);
        Assert.Contains("Entry 2", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_generator_writes_passes()
    {
        using var spec = new Registries.RegistrySpec()
            .Registry("10.0.0.5:5000", 10, insecure: "true")
            .Registry("*.untrusted.example", 11, blocked: "true")
            .Registry("docker.io", 12)
            .Mirror("mirror.example.internal", "docker.io", 13);
        var result = spec.Generate();
        Assert.True(result.Artifacts is not null, string.Join(" | ", result.Diagnostics));
        var toml = result.Artifacts!.Files.Single(f => f.RelativePath == "initdata.toml").Content;
        Assert.True(InitDataDocumentReader.TryRead(toml, out var parsed, out _));
        var diagnostics = new DiagnosticBag();

        GuestDocumentChecks.Run(InitDataSummary.Read(parsed!, "initdata.toml", diagnostics), "initdata.toml", diagnostics);

        Assert.Empty(diagnostics.Items);
    }
}
