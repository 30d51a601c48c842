using System.Security;
using System.Text.RegularExpressions;

namespace Coco.InitData.Tests.RealRegistry;

/// <summary>
/// The whole path of samples/ContainerPublish with the SDK's own container support (SDK 10.0.1xx,
/// Microsoft.NET.Build.Containers.targets): a private-CA registry on 127.0.0.1 (Debian's docker-registry), a base image
/// written by the test and copied in with skopeo, `dotnet build` for the push CA bundle, `dotnet publish
/// -t:PublishContainer` trusting it through SSL_CERT_FILE, then the pinned manifest's digest checked against the
/// registry's (skopeo with the CA) and pulled by digest as the guest would (registries.conf and certificates rebuilt
/// from the generated cdh.toml by Python). A self-contained publish restores the runtime packs from the NuGet gallery.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class ContainerPublishEndToEndTests
{
    [SkippableFact]
    public void The_published_manifest_is_pinned_to_the_digest_the_registry_serves_and_the_guest_pulls_it_by_that_digest()
    {
        var missing = RealTools.MissingReason("docker-registry", "skopeo", "python3");
        Skip.If(missing is not null, missing);
        var now = DateTime.UtcNow.Date;
        var ca = TestPki.Create(new CertificateSpec { Subject = "CN=Coco.InitData publish CA", NotBefore = now.AddDays(-2), NotAfter = now.AddDays(90) });
        var server = TestPki.Create(new CertificateSpec
        {
            Subject = "CN=127.0.0.1", Issuer = ca, IsCa = false, IpAddresses = new[] { "127.0.0.1" },
            KeyUsageBits = Org.BouncyCastle.Asn1.X509.KeyUsage.DigitalSignature,
            ExtendedKeyUsages = new[] { Org.BouncyCastle.Asn1.X509.KeyPurposeID.id_kp_serverAuth }, NotBefore = now.AddDays(-2), NotAfter = now.AddDays(60),
        });
        using var registry = LocalRegistry.StartTls(server);
        using var work = new TempDirectory("cid-publish");
        var authority = $"127.0.0.1:{registry.Port}";
        var certs = Path.Combine(work.Path, "push-certs");
        work.Write("push-certs/ca.crt", ca.Pem);
        OciLayout.Write(Path.Combine(work.Path, "base"), "1", "the base layer\n");
        var push = RegistryEnvironment.Skopeo("copy", "--dest-cert-dir", certs, "oci:" + Path.Combine(work.Path, "base") + ":1", $"docker://{authority}/base:1");
        Assert.True(push.ExitCode == 0, push.Output);

        var project = CopySample(work, authority);
        var caFile = work.Write("registry-ca.pem", ca.Pem);
        var properties = new[] { $"-p:SampleRegistry={authority}", $"-p:SampleRegistryCa={caFile}", "-p:InitDataPolicyFile=" + Path.Combine(RepositoryPaths.Root, "samples", "Workload", "policy", "allow-all.rego") };
        var build = ProcessRunner.Run("dotnet", new[] { "build", project, "-c", "Release", "-tl:off" }.Concat(properties), work.Path, timeout: TimeSpan.FromMinutes(10));
        Assert.True(build.ExitCode == 0, build.Output);
        var output = Path.Combine(work.Path, "app", "bin", "Release", "net10.0", "initdata");
        var bundle = Path.Combine(output, "push-ca-bundle.pem");
        Assert.Contains(ca.Pem, File.ReadAllText(bundle), StringComparison.Ordinal);

        var publish = ProcessRunner.Run("dotnet",
            new[] { "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "-t:PublishContainer", "-tl:off", "-v:n", $"-p:ContainerBaseImage={authority}/base:1" }.Concat(properties),
            work.Path, environment: new Dictionary<string, string> { ["SSL_CERT_FILE"] = bundle, ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = string.Empty }, timeout: TimeSpan.FromMinutes(15));

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotContain("CID1050", publish.Output, StringComparison.Ordinal);
        var pinnedManifest = File.ReadAllText(Path.Combine(work.Path, "app", "bin", "Release", "net10.0", "linux-x64", "publish", "initdata", "k8s", "deployment.yaml"));
        var pinned = PinnedImage().Match(pinnedManifest);
        Assert.True(pinned.Success, pinnedManifest);
        Assert.Equal($"{authority}/container-publish", pinned.Groups["repository"].Value);
        var digest = pinned.Groups["digest"].Value;
        var inspect = RegistryEnvironment.Skopeo("inspect", "--cert-dir", certs, "--format", "{{.Digest}}", $"docker://{authority}/container-publish:1.0");
        Assert.True(inspect.ExitCode == 0, inspect.Output);
        Assert.Equal(inspect.StandardOutput.Trim(), digest);

        var guest = GuestConfiguration.From(output);
        Assert.Equal(digest, guest.Digest(pinned.Value["image: ".Length..]));
        var copy = guest.Copy(pinned.Value["image: ".Length..]);
        Assert.True(copy.ExitCode == 0, copy.Output);
    }

    // The sample beside a Directory.Build.props/.targets that import the package's files from source and the task
    // assembly built beside the tests (the samples' own ones point at src/Tasks/bin).
    private static string CopySample(TempDirectory work, string authority)
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "ContainerPublish");
        work.Write("app/ContainerPublish.csproj", File.ReadAllText(Path.Combine(sample, "ContainerPublish.csproj")));
        work.Write("app/Program.cs", File.ReadAllText(Path.Combine(sample, "Program.cs")));
        work.Write("app/k8s/deployment.yaml", File.ReadAllText(Path.Combine(sample, "k8s", "deployment.yaml")).Replace("registry.example.internal:5000", authority, StringComparison.Ordinal));
        work.Write("app/Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <InitDataTasksAssembly>{SecurityElement.Escape(RepositoryPaths.TasksAssembly)}</InitDataTasksAssembly>
                <InitDataUseTaskHost>true</InitDataUseTaskHost>
              </PropertyGroup>
              <Import Project="{SecurityElement.Escape(RepositoryPaths.PropsFile)}" />
            </Project>
            """);
        work.Write("app/Directory.Build.targets", $"""<Project><Import Project="{SecurityElement.Escape(RepositoryPaths.TargetsFile)}" /></Project>""");
        return Path.Combine(work.Path, "app", "ContainerPublish.csproj");
    }

    [GeneratedRegex(@"image: (?<repository>[^@\s]+)@(?<digest>sha256:[0-9a-f]{64})")]
    private static partial Regex PinnedImage();
}
