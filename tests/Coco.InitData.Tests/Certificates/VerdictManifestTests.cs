using System.Text.Json;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Specification;

namespace Coco.InitData.Tests.Certificates;

/// <summary>initdata.json carries each certificate's verdict per stack, and the same inputs give the same bytes.</summary>
public sealed class VerdictManifestTests
{
    [SkippableFact]
    public void Each_certificate_in_initdata_json_has_a_verdict_per_stack_including_stacks_the_build_does_not_enforce()
    {
        using var directory = new TempDirectory();
        directory.Write("certs/good.pem", Shapes.Root().Pem);
        directory.Write("certs/small.pem", Shapes.Root("Small Root", KeyKind.Rsa1024).Pem);
        var spec = Spec(directory, "openssl");

        var result = InitDataGenerator.Generate(spec);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.ToCanonicalString())));
        var manifest = result.Artifacts!.Files.Single(f => f.RelativePath == "initdata.json").Content;
        using var json = JsonDocument.Parse(manifest);
        var certificates = json.RootElement.GetProperty("certificates").EnumerateArray().ToList();
        var good = certificates.Single(c => c.GetProperty("source").GetString() == "certs/good.pem").GetProperty("verdicts");
        var small = certificates.Single(c => c.GetProperty("source").GetString() == "certs/small.pem").GetProperty("verdicts");
        Assert.Equal("accepted", good.GetProperty("rustls").GetString());
        Assert.Equal("accepted", good.GetProperty("openssl").GetString());
        Assert.Equal("accepted", good.GetProperty("go").GetString());
        Assert.Equal("rejected: CID2045", small.GetProperty("rustls").GetString());
        Assert.Equal("accepted", small.GetProperty("openssl").GetString());
        Assert.Equal(manifest, InitDataGenerator.Generate(Spec(directory, "openssl")).Artifacts!.Files.Single(f => f.RelativePath == "initdata.json").Content);
    }

    [SkippableFact]
    public void With_both_guest_stacks_enforced_the_same_rsa_1024_root_fails_and_nothing_is_produced()
    {
        using var directory = new TempDirectory();
        directory.Write("certs/good.pem", Shapes.Root().Pem);
        directory.Write("certs/small.pem", Shapes.Root("Small Root", KeyKind.Rsa1024).Pem);

        var result = InitDataGenerator.Generate(Spec(directory, "rustls;openssl"));

        Assert.Null(result.Artifacts);
        var finding = Assert.Single(result.Diagnostics, d => d.Code == "CID2045");
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.EndsWith("small.pem", finding.Location.File, StringComparison.Ordinal);
        Assert.Equal(1, finding.Location.Line);
    }

    [SkippableFact]
    public void The_served_chain_is_listed_under_its_registry_with_verdicts_but_never_embedded()
    {
        using var directory = new TempDirectory();
        var root = Shapes.Root();
        directory.Write("certs/good.pem", root.Pem);
        directory.Write("certs/small.pem", Shapes.Root("Other Root").Pem);
        var cnOnly = TestPki.Create(Shapes.LeafSpec(root) with { DnsNames = Array.Empty<string>() });
        directory.Write("certs/chain.pem", cnOnly.Pem);
        var spec = Spec(directory, "openssl");
        var registry = spec.Registries[0];
        spec = new InitDataSpecification
        {
            BaseDirectory = spec.BaseDirectory, KbsUrl = spec.KbsUrl, ValidationTime = spec.ValidationTime, TlsProfiles = spec.TlsProfiles,
            Registries = new[]
            {
                new RegistryDeclaration
                {
                    Name = registry.Name, DeclaredAt = registry.DeclaredAt, BaseDirectory = registry.BaseDirectory,
                    CertificateAuthority = registry.CertificateAuthority, ServerCertificate = "certs/chain.pem",
                },
            },
        };

        var result = InitDataGenerator.Generate(spec);

        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics, d => d.Code == "CID2063").Severity);
        var manifest = result.Artifacts!.Files.Single(f => f.RelativePath == "initdata.json").Content;
        using var json = JsonDocument.Parse(manifest);
        var served = Assert.Single(json.RootElement.GetProperty("registries")[0].GetProperty("servedChain").EnumerateArray());
        Assert.Equal("certs/chain.pem", served.GetProperty("source").GetString());
        Assert.Equal("rejected: CID2063", served.GetProperty("verdicts").GetProperty("go").GetString());
        Assert.Equal("accepted", served.GetProperty("verdicts").GetProperty("openssl").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("certificates").EnumerateArray(), c => c.GetProperty("source").GetString() == "certs/chain.pem");
        Assert.DoesNotContain(cnOnly.Pem.Split('\n')[1], System.Text.Encoding.UTF8.GetString(result.Artifacts.DocumentBytes), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_kbs_certificate_is_checked_as_a_trust_anchor_and_a_vcek_there_fails_the_build()
    {
        using var directory = new TempDirectory();
        directory.Write("certs/good.pem", Shapes.Root().Pem);
        directory.Write("certs/small.pem", Shapes.Root().Pem);
        directory.Write("kbs/vcek.pem", Shapes.VcekLookAlike().Pem);
        var at = new SourceLocation(Path.Combine(directory.Path, "Workload.csproj"), 5);
        var spec = Spec(directory, "rustls;openssl");
        spec = new InitDataSpecification
        {
            BaseDirectory = spec.BaseDirectory, Registries = spec.Registries, KbsUrl = spec.KbsUrl, ValidationTime = spec.ValidationTime,
            KbsCertificate = new SettingValue("InitDataKbsCertificate", "kbs/vcek.pem", at),
        };

        var result = InitDataGenerator.Generate(spec);

        Assert.Null(result.Artifacts);
        var finding = Assert.Single(result.Diagnostics, d => d.Code == "CID2047");
        Assert.EndsWith("vcek.pem", finding.Location.File, StringComparison.Ordinal);
    }

    private static InitDataSpecification Spec(TempDirectory directory, string profiles)
    {
        var at = new SourceLocation(Path.Combine(directory.Path, "Workload.csproj"), 5);
        return new InitDataSpecification
        {
            BaseDirectory = directory.Path,
            Registries = new[]
            {
                new RegistryDeclaration { Name = "registry.example.internal:5000", DeclaredAt = at, BaseDirectory = directory.Path, CertificateAuthority = "certs/good.pem;certs/small.pem" },
            },
            KbsUrl = new SettingValue("InitDataKbsUrl", "http://kbs.example.internal:8080", at),
            ValidationTime = new SettingValue("InitDataValidationTime", "2026-06-01T00:00:00Z", at),
            TlsProfiles = new SettingValue("InitDataTlsProfiles", profiles, at),
        };
    }
}
