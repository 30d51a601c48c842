namespace Coco.InitData.Tests.EndToEnd;

/// <summary>With the real SDK: publish copies exactly the generated files; clean leaves no file and no empty folder.</summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(BuildCollection))]
public sealed class CleanAndPublishTests
{
    [Fact]
    public void Publish_copies_exactly_the_generated_files_and_clean_leaves_no_folder_behind()
    {
        using var project = new WorkloadProject();
        project.Write("certs/ca.pem", TestPki.Root().Pem);
        project.Write("k8s/app.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: {}\n");
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />
                <InitDataManifest Include="k8s/app.yaml" />
              </ItemGroup>
            """, "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl><InitDataValidationTime>2026-06-01T00:00:00Z</InitDataValidationTime>");
        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        File.WriteAllText(Path.Combine(project.OutputPath, "initdata.toml.0badc0de0badc0de0badc0de0badc0de.tmp"), "a killed run's leftover");

        var publish = project.Run("publish", project.ProjectPath, "-tl:off", "-nologo", "-o", Path.Combine(project.Directory, "pub"));

        Assert.True(publish.ExitCode == 0, publish.Output);
        var published = Directory.EnumerateFiles(Path.Combine(project.Directory, "pub", "initdata"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(project.Directory, "pub", "initdata"), f).Replace('\\', '/')).Order().ToList();
        Assert.Equal(
            new[] { "containerd/certs.d/registry.example.internal_5000_/ca.crt", "containerd/certs.d/registry.example.internal_5000_/hosts.toml", "helm/values.yaml", "initdata.annotation", "initdata.json", "initdata.toml", "k8s/app.yaml", "kustomize/kustomization.yaml" },
            published);

        // The next build removes the leftover; clean then takes every file it recorded and the folders they leave empty.
        File.SetLastWriteTimeUtc(Path.Combine(project.Directory, "k8s", "app.yaml"), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(0, project.Build().ExitCode);
        var clean = project.Run("clean", project.ProjectPath, "-tl:off", "-nologo");

        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.False(Directory.Exists(project.OutputPath), string.Join("\n", Directory.Exists(project.OutputPath) ? Directory.EnumerateFileSystemEntries(project.OutputPath, "*", SearchOption.AllDirectories) : Array.Empty<string>()));
        // The obj/ state: the SDK's Clean takes the FileWrites (inputs cache, stamp), ours the rest.
        Assert.Empty(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "*.initdata.*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Publish_without_a_build_before_any_build_leaves_the_report_to_the_SDK_not_to_our_targets()
    {
        using var project = new WorkloadProject();
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" Insecure="true" />
              </ItemGroup>
            """, "<InitDataKbcName>offline_fs_kbc</InitDataKbcName>");
        Assert.Equal(0, project.Run("restore", project.ProjectPath, "-nologo").ExitCode);

        var publish = project.Run("publish", project.ProjectPath, "--no-build", "--no-restore", "-tl:off", "-nologo");

        // Before, batching over no generated file made MakeRelative fail inside _InitDataAddToPublish (MSB4184).
        Assert.DoesNotContain("MSB4184", publish.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Coco.InitData.targets", publish.Output, StringComparison.Ordinal);
    }
}
