using Coco.InitData.Tests.EndToEnd;

namespace Coco.InitData.Tests.Certificates;

/// <summary>`dotnet build` of workload projects whose certificates the guest would reject: exit code 1, the code, the file and line.</summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(BuildCollection))]
public sealed class CertificateBuildTests
{
    private const string Settings = "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl><InitDataValidationTime>2026-06-01T00:00:00Z</InitDataValidationTime>";

    [Theory]
    [InlineData("expired intermediate", "chain.pem", 1, "CID2020")]
    [InlineData("ca-true self-signed server certificate", "ca.pem", 0, "CID2048")]
    [InlineData("ip registry without ip san", "chain.pem", 0, "CID2064")]
    [InlineData("wrong issuer signature", "chain.pem", 0, "CID2061")]
    public void A_certificate_the_guest_rejects_fails_the_build_with_its_code_file_and_line(string scenario, string file, int certificateIndex, string code)
    {
        using var project = new WorkloadProject();
        var root = Shapes.Root();
        var registry = Shapes.Host + ":5000";
        var files = new Dictionary<string, string>();
        switch (scenario)
        {
            case "expired intermediate":
                var intermediate = TestPki.Create(Shapes.IntermediateSpec(root) with { NotAfter = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc) });
                files["ca.pem"] = root.Pem;
                files["chain.pem"] = Shapes.Leaf(intermediate).Pem + "\n" + intermediate.Pem;
                break;
            case "ca-true self-signed server certificate":
                files["ca.pem"] = Shapes.SelfSignedCaServer().Pem;
                break;
            case "ip registry without ip san":
                registry = "10.0.0.5:5000";
                files["ca.pem"] = root.Pem;
                files["chain.pem"] = Shapes.Leaf(root, "registry.example.internal").Pem;
                break;
            default:
                files["ca.pem"] = Shapes.Root("Twin CA", KeyKind.EcP256).Pem;
                files["chain.pem"] = Shapes.Leaf(Shapes.Root("Twin CA", KeyKind.EcP384)).Pem;
                break;
        }

        foreach (var (name, content) in files)
        {
            project.Write("certs/" + name, content);
        }

        var served = files.ContainsKey("chain.pem") ? " ServerCertificate=\"certs/chain.pem\"" : string.Empty;
        project.WriteProject($"""
              <ItemGroup>
                <InitDataRegistry Include="{registry}" CertificateAuthority="certs/ca.pem"{served} />
              </ItemGroup>
            """, Settings);

        var result = project.Build();

        Assert.True(result.ExitCode == 1, result.Output);
        var line = 1 + files[file].Split("-----BEGIN").Take(certificateIndex + 1).Sum(part => part.Count(ch => ch == '\n'));
        Assert.Contains($"{file}({line}): error {code}", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.OutputPath), "nothing may be written");
    }

    [Fact]
    public void A_valid_chain_builds_and_a_ca_expiring_soon_only_warns_with_its_verdicts_in_initdata_json()
    {
        using var project = new WorkloadProject();
        var root = TestPki.Create(new CertificateSpec { Subject = "CN=Soon Expiring CA", NotAfter = new DateTime(2026, 6, 20, 0, 0, 0, DateTimeKind.Utc) });
        var intermediate = Shapes.Intermediate(root);
        project.Write("certs/ca.pem", root.Pem);
        project.Write("certs/chain.pem", Shapes.Leaf(intermediate).Pem + intermediate.Pem);
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" ServerCertificate="certs/chain.pem" />
              </ItemGroup>
            """, Settings);

        var result = project.Build();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("ca.pem(1): warning CID2023", result.Output, StringComparison.Ordinal);
        var manifest = File.ReadAllText(Path.Combine(project.OutputPath, "initdata.json"));
        Assert.Contains("\"verdicts\": {", manifest, StringComparison.Ordinal);
        Assert.Contains("\"rustls\": \"accepted\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"go\": \"accepted\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"servedChain\": [", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningsAsErrors_turns_the_expiry_warning_into_a_failed_build()
    {
        using var project = new WorkloadProject();
        project.Write("certs/ca.pem", TestPki.Create(new CertificateSpec { Subject = "CN=Soon Expiring CA", NotAfter = new DateTime(2026, 6, 20, 0, 0, 0, DateTimeKind.Utc) }).Pem);
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />
              </ItemGroup>
            """, Settings + "<WarningsAsErrors>CID2023</WarningsAsErrors>");

        var result = project.Build();

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("ca.pem(1): error CID2023", result.Output, StringComparison.Ordinal);
    }
}
