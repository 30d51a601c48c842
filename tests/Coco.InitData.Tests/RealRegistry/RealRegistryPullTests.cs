using Coco.InitData.Tests.EndToEnd;

namespace Coco.InitData.Tests.RealRegistry;

/// <summary>
/// The proof with real software: a workload project declares the two real registries, is built with `dotnet
/// build`, and only what the build wrote is used to pull. Guest side: Python's tomllib turns cdh.toml into a
/// cert dir and a registries.conf for skopeo (containers/image reads the same registries.conf v2 subset as
/// image-rs). Node side: a private containerd pulls with `ctr --hosts-dir` pointed at the build's certs.d.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(BuildCollection))]
public sealed class RealRegistryPullTests : IClassFixture<RegistryEnvironment>
{
    private readonly RegistryEnvironment _env;

    public RealRegistryPullTests(RegistryEnvironment env) => _env = env;

    [SkippableFact]
    public void Both_registry_kinds_a_mirror_a_remap_and_a_block_work_for_skopeo_and_ctr_with_only_what_the_build_wrote()
    {
        Skip.If(_env.SkipReason is not null, _env.SkipReason);
        using var project = new WorkloadProject();

        var build = BuildDeclaring(project, "certs/registry-ca.pem", _env.Ca, $"""
            <InitDataRegistry Include="localhost:{_env.TlsPort}" CertificateAuthority="certs/registry-ca.pem" />
            <InitDataRegistry Include="127.0.0.1:{_env.HttpPort}" Insecure="true" />
            <InitDataRegistry Include="127.0.0.1:{_env.TlsPort}" CertificateAuthority="certs/registry-ca.pem" />
            <InitDataRegistryMirror Include="127.0.0.1:{_env.HttpPort}/mirror" Registry="127.0.0.1:{_env.TlsPort}" Insecure="true" />
            <InitDataRegistry Include="localhost:{_env.TlsPort}/blocked" Blocked="true" />
            <InitDataRegistry Include="remapped.example.internal/team" Location="localhost:{_env.TlsPort}/demo" />
            """);

        // Plain HTTP without a signature policy is a warning pointing at the item's line.
        var insecureLine = File.ReadAllLines(project.ProjectPath).ToList().FindIndex(l => l.Contains("Insecure=\"true\" />", StringComparison.Ordinal)) + 1;
        Assert.Matches($@"Workload\.csproj\({insecureLine},\d+\): warning CID1025", build.Output);
        var guest = GuestConfiguration.From(project.OutputPath);

        Assert.Equal(_env.DigestA, guest.Digest($"localhost:{_env.TlsPort}/demo/hello:v1"));
        Assert.Equal(_env.DigestA, guest.Digest($"127.0.0.1:{_env.HttpPort}/demo/hello:v1"));
        Assert.Equal(_env.DigestB, guest.Digest($"127.0.0.1:{_env.TlsPort}/demo/hello:v1"));
        Assert.Equal(_env.DigestA, guest.Digest("remapped.example.internal/team/hello:v1"));
        var blocked = guest.Inspect($"localhost:{_env.TlsPort}/blocked/hello:v1");
        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains("blocked", blocked.Output, StringComparison.OrdinalIgnoreCase);
        var copy = guest.Copy($"127.0.0.1:{_env.HttpPort}/demo/hello:v1");
        Assert.True(copy.ExitCode == 0, copy.Output);

        var nodeSkip = ContainerdDaemon.SkipReason();
        Skip.If(nodeSkip is not null, "guest side proven; node side: " + nodeSkip);
        using var containerd = new ContainerdDaemon();
        var hosts = Path.Combine(project.OutputPath, "containerd", "certs.d");
        Assert.Equal(_env.DigestA, NodeDigest(containerd, $"localhost:{_env.TlsPort}/demo/hello:v1", hosts));
        Assert.Equal(_env.DigestA, NodeDigest(containerd, $"127.0.0.1:{_env.HttpPort}/demo/hello:v1", hosts));
        Assert.Equal(_env.DigestB, NodeDigest(containerd, $"127.0.0.1:{_env.TlsPort}/demo/hello:v1", hosts));

        // Control: without the generated folder the same pull fails (ctr 1.6 even tries plain HTTP on loopback
        // names by default, which the TLS port answers with 400).
        var (withoutHosts, _) = containerd.Pull($"localhost:{_env.TlsPort}/demo/hello:v1", Path.Combine(project.Directory, "empty-hosts"));
        Assert.True(withoutHosts.ExitCode != 0, withoutHosts.Output);
    }

    [SkippableFact]
    public void A_wrong_ca_or_a_missing_insecure_makes_the_pulls_fail_on_the_guest_and_on_the_node()
    {
        Skip.If(_env.SkipReason is not null, _env.SkipReason);
        using var project = new WorkloadProject();

        // The HTTP registry is declared the way a user who forgot Insecure would: as HTTPS with a CA. Only the
        // wrong CA is declared at all: the guest trusts every extra root for every registry.
        BuildDeclaring(project, "certs/wrong-ca.pem", _env.WrongCa, $"""
            <InitDataRegistry Include="localhost:{_env.TlsPort}" CertificateAuthority="certs/wrong-ca.pem" />
            <InitDataRegistry Include="127.0.0.1:{_env.HttpPort}" CertificateAuthority="certs/wrong-ca.pem" />
            """);

        var guest = GuestConfiguration.From(project.OutputPath);
        var wrongCa = guest.Inspect($"localhost:{_env.TlsPort}/demo/hello:v1");
        Assert.NotEqual(0, wrongCa.ExitCode);
        Assert.Contains("x509", wrongCa.Output, StringComparison.Ordinal);
        var noInsecure = guest.Inspect($"127.0.0.1:{_env.HttpPort}/demo/hello:v1");
        Assert.NotEqual(0, noInsecure.ExitCode);
        Assert.Contains("HTTP response to HTTPS client", noInsecure.Output, StringComparison.Ordinal);

        var nodeSkip = ContainerdDaemon.SkipReason();
        Skip.If(nodeSkip is not null, "guest side proven; node side: " + nodeSkip);
        using var containerd = new ContainerdDaemon();
        var hosts = Path.Combine(project.OutputPath, "containerd", "certs.d");
        var (nodeWrongCa, _) = containerd.Pull($"localhost:{_env.TlsPort}/demo/hello:v1", hosts);
        Assert.NotEqual(0, nodeWrongCa.ExitCode);
        Assert.Contains("x509", nodeWrongCa.Output, StringComparison.Ordinal);
        var (nodeNoInsecure, _) = containerd.Pull($"127.0.0.1:{_env.HttpPort}/demo/hello:v1", hosts);
        Assert.NotEqual(0, nodeNoInsecure.ExitCode);
        Assert.Contains("HTTP response to HTTPS client", nodeNoInsecure.Output, StringComparison.Ordinal);
    }

    // Upstream facts: containerd v1.6.20 (Debian 1.6.20~ds1) remotes/docker/config/hosts.go reads
    // hosts.toml with go-toml v1.9.5, which refuses `[host."https://[::1]:port"]` ("table key cannot contain ']'"),
    // logs "failed to decode hosts.toml" and pulls with defaults: ca.crt is never used. Proven here with the real
    // binaries, on a registry that listens on [::1] only.
    [SkippableFact]
    public void An_ipv6_registry_is_pulled_by_a_real_containerd_with_only_what_the_build_wrote()
    {
        Skip.If(_env.SkipReason is not null, _env.SkipReason);
        var nodeSkip = ContainerdDaemon.SkipReason() ?? LocalRegistry.Ipv6SkipReason();
        Skip.If(nodeSkip is not null, nodeSkip);
        var now = DateTime.UtcNow.Date;
        var server = TestPki.Create(new CertificateSpec
        {
            Subject = "CN=ipv6 loopback registry",
            Issuer = _env.Ca,
            IsCa = false,
            KeyUsageBits = Org.BouncyCastle.Asn1.X509.KeyUsage.DigitalSignature,
            ExtendedKeyUsages = new[] { Org.BouncyCastle.Asn1.X509.KeyPurposeID.id_kp_serverAuth },
            IpAddresses = new[] { "::1" },
            NotBefore = now.AddDays(-1),
            NotAfter = now.AddDays(30),
        });
        using var pushVia = LocalRegistry.StartHttp();
        using var registry = LocalRegistry.StartOnIpv6Loopback(server, pushVia.DataDirectory);
        using var project = new WorkloadProject();
        var digest = OciLayout.Write(Path.Combine(project.Directory, "image"), "v1", "served on [::1]\n");
        var push = RegistryEnvironment.Skopeo("copy", "--dest-tls-verify=false", "oci:" + Path.Combine(project.Directory, "image") + ":v1", $"docker://127.0.0.1:{pushVia.Port}/demo/hello:v1");
        Assert.True(push.ExitCode == 0, push.Output);

        var build = BuildDeclaring(project, "certs/registry-ca.pem", _env.Ca, $"""
            <InitDataRegistry Include="[::1]:{registry.Port}" CertificateAuthority="certs/registry-ca.pem" />
            """);

        // The guest cannot name this registry (oci-spec's reference grammar): the build says so, the node is configured.
        Assert.Contains("warning CID1040", build.Output, StringComparison.Ordinal);
        var hosts = Path.Combine(project.OutputPath, "containerd", "certs.d");
        var reference = $"[::1]:{registry.Port}/demo/hello:v1";
        using var containerd = new ContainerdDaemon();
        Assert.Equal(digest, NodeDigest(containerd, reference, hosts));

        // Control: the same settings under a table header, as this build wrote them before, are dropped by containerd.
        var file = Path.Combine(hosts, $"[::1]_{registry.Port}_", "hosts.toml");
        var header = $"[host.\"https://[::1]:{registry.Port}\"]\n  capabilities = [\"pull\", \"resolve\"]\n  ca = \"ca.crt\"\n";
        File.WriteAllText(file, $"server = \"https://[::1]:{registry.Port}\"\ncapabilities = [\"pull\", \"resolve\"]\nca = \"ca.crt\"\n\n" + header);
        var (old, _) = containerd.Pull(reference, hosts);
        Assert.True(old.ExitCode != 0, old.Output);
        Assert.Contains("table key cannot contain ']'", old.Output, StringComparison.Ordinal);
    }

    // The registry items with the CA file they name and the KBS every generation needs, built: the build must succeed.
    private static ProcessResult BuildDeclaring(WorkloadProject project, string caFile, TestCertificate ca, string registryItems)
    {
        project.Write(caFile, ca.Pem);
        project.WriteProject($"""
              <ItemGroup>
            {registryItems}
              </ItemGroup>
            """, "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>");
        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        return build;
    }

    private static string? NodeDigest(ContainerdDaemon containerd, string reference, string hosts)
    {
        var (pull, digest) = containerd.Pull(reference, hosts);
        Assert.True(pull.ExitCode == 0, $"ctr images pull {reference}: {pull.Output}");
        return digest;
    }
}
