namespace Coco.InitData.Tests.EndToEnd;

/// <summary>`dotnet build` of workload projects that import the build/ files from source.</summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(BuildCollection))]
public sealed class SourceBuildTests
{
    [Fact]
    public void A_private_key_in_a_certificate_authority_file_fails_the_build_with_its_file_and_line_and_writes_nothing()
    {
        using var project = new WorkloadProject();
        var root = TestPki.Root();
        project.Write("certs/ca.pem", root.Pem + root.PrivateKeyPem);
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />
              </ItemGroup>
            """, "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>");

        var result = project.Build();

        Assert.Equal(1, result.ExitCode);
        var keyLine = root.Pem.Split('\n').Length;
        Assert.Contains($"ca.pem({keyLine}): error CID1063", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.OutputPath), "nothing may be written");
    }

    [Fact]
    public void A_valid_registry_builds_and_prints_the_summary_with_the_digest()
    {
        using var project = new WorkloadProject();
        project.Write("certs/ca.pem", TestPki.Root().Pem);
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />
              </ItemGroup>
            """, "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl><InitDataValidationTime>2026-06-01T00:00:00Z</InitDataValidationTime>");

        var result = project.Build();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Matches("InitData: 1 registry, 1 certificate -> .*initdata.toml sha256:[0-9a-f]{64}", result.Output);
        Assert.True(File.Exists(Path.Combine(project.OutputPath, "initdata.annotation")));
    }
}

/// <summary>Builds run one at a time: each starts MSBuild processes and the machine has two cores.</summary>
[CollectionDefinition(nameof(BuildCollection), DisableParallelization = true)]
public sealed class BuildCollection
{
}
