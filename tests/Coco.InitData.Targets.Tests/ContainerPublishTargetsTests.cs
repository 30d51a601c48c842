namespace Coco.InitData.Targets.Tests;

/// <summary>
/// The container targets' wiring, with the SDK's targets stood in for by ones that set what the SDK's set
/// (Microsoft.NET.Build.Containers.targets of SDK 10.0.1xx: ContainerRegistry and ContainerBaseRegistry after
/// ComputeContainerConfig; GeneratedContainerDigest after PublishContainer): the real SDK runs in the end-to-end test.
/// </summary>
[Collection(nameof(MSBuildCollection))]
public sealed class ContainerPublishTargetsTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: registry.example.internal:5000/web:1.0\n";

    [Fact]
    public void The_build_writes_the_push_bundle_beside_the_set_outside_its_list_and_clean_removes_both()
    {
        using var project = Project();

        var build = project.Build("Build", "GenerateInitData");

        Assert.True(build.Success, string.Join("\n", build.Log.Errors.Select(e => e.Message)));
        var bundle = Path.Combine(project.OutputPath, "push-ca-bundle.pem");
        Assert.Contains(File.ReadAllText(Path.Combine(project.Directory, "certs", "ca.pem")), File.ReadAllText(bundle), StringComparison.Ordinal);
        Assert.DoesNotContain("push-ca-bundle.pem", project.RelativeOutputs(build.Instance));
        // The document carries the declared CA only: the machine's roots stay in the bundle.
        Assert.Equal(1, File.ReadAllText(Path.Combine(project.OutputPath, "initdata.toml")).Split("BEGIN CERTIFICATE").Length - 1);

        var again = project.Build("Build");
        Assert.DoesNotContain("WriteInitDataPushCaBundle", again.Log.TasksStarted);
        // The bundle is written by the generation: a build with nothing to do does not even start its target.
        Assert.DoesNotContain("_InitDataWritePushCaBundle", again.Log.TargetsStarted);
        Assert.DoesNotContain("_InitDataComputeContainerPaths", again.Log.TargetsStarted);

        Assert.True(project.Build("Clean").Success);
        Assert.False(Directory.Exists(project.OutputPath), "the bundle is deleted before the set's clean, so the emptied folder goes");
    }

    [Fact]
    public void After_the_push_the_publish_copy_of_the_manifest_is_pinned_and_the_build_copy_is_not()
    {
        using var project = Project(publish: $"<ContainerRegistry>registry.example.internal:5000</ContainerRegistry><GeneratedContainerDigest>{Digest}</GeneratedContainerDigest>");

        var publish = project.Build("Build", "PublishContainer");

        Assert.True(publish.Success, string.Join("\n", publish.Log.Errors.Select(e => e.Message)));
        Assert.Contains("image: registry.example.internal:5000/web@" + Digest + "\n", File.ReadAllText(Path.Combine(project.Directory, "publish", "initdata", "k8s", "pod.yaml")), StringComparison.Ordinal);
        Assert.Contains("image: registry.example.internal:5000/web:1.0\n", File.ReadAllText(Path.Combine(project.OutputPath, "k8s", "pod.yaml")), StringComparison.Ordinal);
        Assert.Contains(publish.Log.Messages, m => m.StartsWith("Pinned 1 image(s) to registry.example.internal:5000/web@" + Digest, StringComparison.Ordinal));
    }

    [Fact]
    public void A_publish_to_the_local_daemon_pins_nothing_and_says_why()
    {
        using var project = Project(publish: $"<GeneratedContainerDigest>{Digest}</GeneratedContainerDigest>");

        var publish = project.Build("Build", "PublishContainer");

        Assert.True(publish.Success);
        Assert.Contains(publish.Log.Messages, m => m.Contains("ContainerRegistry is empty", StringComparison.Ordinal) && m.StartsWith("The image was not pushed", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "publish", "initdata")));
    }

    [Fact]
    public void A_push_registry_no_rule_covers_is_warned_before_the_push()
    {
        using var project = Project(config: "<ContainerRegistry>other.example.internal</ContainerRegistry>");

        var publish = project.Build("Build", "ComputeContainerConfig");

        var warning = Assert.Single(publish.Log.Warnings, w => w.Code == "CID1050");
        Assert.Equal(Path.Combine(project.Directory, "app.proj"), warning.File);
    }

    private static TargetsProject Project(string config = "", string publish = "")
    {
        var project = new TargetsProject();
        project.Write("certs/ca.pem", TestPki.Root().Pem);
        project.Write("k8s/pod.yaml", Pod);
        project.WriteProject(
            """
            <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />
            <InitDataManifest Include="k8s/pod.yaml" />
            """,
            "<PublishDir>publish/</PublishDir><EnableSdkContainerSupport>true</EnableSdkContainerSupport><ContainerRepository>web</ContainerRepository>",
            $"""
            <Target Name="ComputeContainerConfig"><PropertyGroup>{config}</PropertyGroup></Target>
            <Target Name="PublishContainer" DependsOnTargets="ComputeContainerConfig"><PropertyGroup>{publish}</PropertyGroup></Target>
            """);
        return project;
    }
}
