using System.Text;
using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using Tomlyn;
using Tomlyn.Model;

namespace Coco.InitData.Tests.Registries;

/// <summary>containerd/certs.d/&lt;host&gt;/hosts.toml (+ ca.crt): the node side.</summary>
public sealed class ContainerdHostsTests
{
    private static Dictionary<string, string> NodeFiles(RegistrySpec spec, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var result = spec.Generate();
        diagnostics = result.Diagnostics;
        Assert.True(result.Artifacts is not null, string.Join(" | ", result.Diagnostics));
        return result.Artifacts!.Files.Where(f => f.RelativePath.StartsWith("containerd/", StringComparison.Ordinal))
            .ToDictionary(f => f.RelativePath, f => Encoding.UTF8.GetString(f.Content));
    }

    [Fact]
    public void A_plain_http_registry_gets_an_http_server_and_a_host_table_in_a_host_port_folder()
    {
        using var spec = new RegistrySpec().Registry("10.0.0.5:5000", 10, insecure: "true");

        var files = NodeFiles(spec, out _);

        var text = Assert.Single(files, f => f.Key == "containerd/certs.d/10.0.0.5_5000_/hosts.toml").Value;
        Assert.Single(files);
        var toml = TomlSerializer.Deserialize<TomlTable>(text)!;
        Assert.Equal("http://10.0.0.5:5000", toml["server"]);
        var host = (TomlTable)((TomlTable)toml["host"])["http://10.0.0.5:5000"];
        Assert.Equal(new object[] { "pull", "resolve" }, ((TomlArray)host["capabilities"]).ToArray());
        Assert.False(host.ContainsKey("ca"));
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void An_https_registry_with_a_private_ca_gets_its_canonical_pem_beside_hosts_toml()
    {
        using var spec = new RegistrySpec();
        var root = TestPki.Root();
        var other = TestPki.Root("Second Root", KeyKind.EcP384);
        spec.WriteCa("ca.pem", root);
        spec.WriteCa("ca2.pem", other);
        spec.Registry("registry.example.internal", 10, ca: "ca.pem;ca2.pem");

        var files = NodeFiles(spec, out _);

        Assert.Equal(root.Pem + other.Pem, files["containerd/certs.d/registry.example.internal/ca.crt"]);
        var toml = TomlSerializer.Deserialize<TomlTable>(files["containerd/certs.d/registry.example.internal/hosts.toml"])!;
        Assert.Equal("https://registry.example.internal", toml["server"]);
        Assert.Equal("ca.crt", toml["ca"]);
        Assert.Equal("ca.crt", ((TomlTable)((TomlTable)toml["host"])["https://registry.example.internal"])["ca"]);
    }

    [Fact]
    public void Mirrors_come_first_as_hosts_in_declaration_order_and_namespaced_ones_override_the_path()
    {
        using var spec = new RegistrySpec()
            .Registry("docker.io", 10)
            .Mirror("mirror.example.internal:5000", "docker.io", 11)
            .Mirror("10.0.0.5:5000/hub", "docker.io", 12, insecure: "true");

        var text = NodeFiles(spec, out _)["containerd/certs.d/docker.io/hosts.toml"];

        var toml = TomlSerializer.Deserialize<TomlTable>(text)!;
        Assert.Equal("https://registry-1.docker.io", toml["server"]);
        var hosts = (TomlTable)toml["host"];
        Assert.Equal(new[] { "https://mirror.example.internal:5000", "http://10.0.0.5:5000/v2/hub" }, hosts.Keys);
        Assert.True(text.IndexOf("mirror.example.internal", StringComparison.Ordinal) < text.IndexOf("10.0.0.5", StringComparison.Ordinal));
        Assert.Equal(true, ((TomlTable)hosts["http://10.0.0.5:5000/v2/hub"])["override_path"]);
    }

    [Fact]
    public void A_host_level_remap_becomes_the_server_and_namespace_remaps_are_reported()
    {
        using var spec = new RegistrySpec()
            .Registry("ghcr.io", 10, location: "registry.example.internal:5000/ghcr")
            .Registry("docker.io/library", 11, location: "registry.example.internal:5000/library");

        var files = NodeFiles(spec, out var diagnostics);

        var toml = TomlSerializer.Deserialize<TomlTable>(files["containerd/certs.d/ghcr.io/hosts.toml"])!;
        Assert.Equal("https://registry.example.internal:5000/v2/ghcr", toml["server"]);
        Assert.Equal(true, toml["override_path"]);
        Assert.False(files.ContainsKey("containerd/certs.d/docker.io/hosts.toml"));
        var d = Assert.Single(diagnostics, x => x.Code == "CID3010");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(RegistrySpec.Line(11), d.Location);
    }

    [Fact]
    public void Blocked_and_plain_https_registries_need_nothing_on_the_node()
    {
        using var spec = new RegistrySpec().Registry("quay.io", 10, blocked: "true").Registry("registry.example.internal", 11);

        Assert.Empty(NodeFiles(spec, out _));
    }

    [Fact]
    public void Ipv6_hosts_keep_their_brackets_and_ports_use_containerds_escape()
    {
        using var spec = new RegistrySpec()
            .Registry("[fd00::5]:5000", 10, insecure: "true")
            .Registry("[fd00::6]", 11, insecure: "true");

        var files = NodeFiles(spec, out _);

        Assert.Equal("http://[fd00::5]:5000", TomlSerializer.Deserialize<TomlTable>(files["containerd/certs.d/[fd00::5]_5000_/hosts.toml"])!["server"]);
        Assert.True(files.ContainsKey("containerd/certs.d/[fd00::6]/hosts.toml"));
    }

    // containerd v1.6.20 remotes/docker/config/hosts.go parses hosts.toml with go-toml v1.9.5, whose table-header
    // lexer stops at the first ']': `[host."http://[fd00::5]:5000"]` is "table key cannot contain ']'" and the
    // whole file is dropped. A dotted key with an inline table parses, and getSortedHosts orders hosts by line.
    // RealRegistryPullTests.An_ipv6_registry_and_an_ipv6_mirror_are_pulled_by_a_real_containerd proves it.
    [Fact]
    public void Ipv6_endpoints_are_written_as_inline_tables_one_per_line_in_mirror_order()
    {
        using var spec = new RegistrySpec().Registry("[fd00::5]:5000", 10, insecure: "true");

        var v6 = NodeFiles(spec, out _)["containerd/certs.d/[fd00::5]_5000_/hosts.toml"];

        Assert.DoesNotContain("[host.", v6, StringComparison.Ordinal);
        Assert.Contains("\nhost.\"http://[fd00::5]:5000\" = { capabilities = [\"pull\", \"resolve\"] }\n", v6, StringComparison.Ordinal);

        var mirrored = new Coco.InitData.Node.ContainerdHostsFile
        {
            Prefixes = new[] { "registry.example.internal" },
            Server = new("https://registry.example.internal", false, true),
            Mirrors = new Coco.InitData.Node.ContainerdHostEntry[] { new("http://[fd00::6]:5000/v2/hub", true, false), new("https://mirror.example.internal", false, true) },
        }.ToToml();
        Assert.DoesNotContain("[host.", mirrored, StringComparison.Ordinal);
        var hosts = (TomlTable)TomlSerializer.Deserialize<TomlTable>(mirrored)!["host"];
        Assert.Equal(new[] { "http://[fd00::6]:5000/v2/hub", "https://mirror.example.internal" }, hosts.Keys);
        Assert.Equal(true, ((TomlTable)hosts["http://[fd00::6]:5000/v2/hub"])["override_path"]);
        Assert.Equal("ca.crt", ((TomlTable)hosts["https://mirror.example.internal"])["ca"]);
        var lines = mirrored.Split('\n');
        Assert.Equal(Array.IndexOf(lines, lines.First(l => l.Contains("fd00::6", StringComparison.Ordinal))) + 1, Array.IndexOf(lines, lines.First(l => l.Contains("mirror.example", StringComparison.Ordinal))));
    }

    [Fact]
    public void Hosts_without_ipv6_keep_their_table_headers()
    {
        using var spec = new RegistrySpec().Registry("10.0.0.5:5000", 10, insecure: "true");

        Assert.Contains("\n[host.\"http://10.0.0.5:5000\"]\n", NodeFiles(spec, out _)["containerd/certs.d/10.0.0.5_5000_/hosts.toml"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_with_a_ca_is_reported_because_containerd_has_no_wildcard_folders()
    {
        using var spec = new RegistrySpec();
        spec.WriteCa("ca.pem", TestPki.Root());
        spec.Registry("*.example.internal", 10, ca: "ca.pem");

        Assert.Empty(NodeFiles(spec, out var diagnostics));
        Assert.Equal(RegistrySpec.Line(10), Assert.Single(diagnostics, d => d.Code == "CID3010").Location);
    }

    [Fact]
    public void A_folder_of_a_registry_no_longer_declared_is_removed_on_the_next_write()
    {
        using var output = new TempDirectory();
        var bag = new DiagnosticBag();
        ArtifactWriter.Write(output.Path, new[] { new ArtifactFile("containerd/certs.d/old_5000_/hosts.toml", new byte[] { 1 }) }, bag);
        File.WriteAllText(Path.Combine(output.Path, "unrelated.txt"), "kept");

        ArtifactWriter.Write(output.Path, new[] { new ArtifactFile("containerd/certs.d/new/hosts.toml", new byte[] { 2 }) }, bag);

        Assert.False(Directory.Exists(Path.Combine(output.Path, "containerd", "certs.d", "old_5000_")));
        Assert.True(File.Exists(Path.Combine(output.Path, "containerd", "certs.d", "new", "hosts.toml")));
        Assert.True(File.Exists(Path.Combine(output.Path, "unrelated.txt")));
        Assert.Empty(bag.Items);
    }
}
