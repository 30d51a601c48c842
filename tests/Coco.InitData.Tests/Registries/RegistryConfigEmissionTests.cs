using System.Text;
using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;

namespace Coco.InitData.Tests.Registries;

/// <summary>[image.registry_config] and [image.image_pull_proxy] in cdh.toml, read back by Tomlyn and by Python's tomllib.</summary>
[Trait("Category", "EndToEnd")]
public sealed class RegistryConfigEmissionTests
{
    private static RegistrySpec Declared()
    {
        var spec = new RegistrySpec()
            .Registry("10.0.0.5:5000", 10, insecure: "true")
            .Registry("docker.io", 11)
            .Registry("docker.io/library", 12, location: "registry.example.internal:5000/library")
            .Registry("quay.io", 13, blocked: "true")
            .Registry("*.blocked.example", 14, blocked: "true")
            .Registry("registry.example.internal:5000", 15)
            .Mirror("mirror.example.internal:5000", "docker.io", 16)
            .Mirror("10.0.0.5:5000/hub", "docker.io", 17, insecure: "true");
        spec.Properties["InitDataHttpsProxy"] = "http://proxy.example.internal:3128";
        spec.Properties["InitDataNoProxy"] = "localhost,.svc";
        spec.Properties["InitDataUnqualifiedSearchRegistries"] = "docker.io;registry.example.internal:5000";
        return spec;
    }

    private static TomlTable Cdh(RegistrySpec spec)
    {
        var result = spec.Generate();
        Assert.True(result.Artifacts is not null, string.Join(" | ", result.Diagnostics));
        return TomlSerializer.Deserialize<TomlTable>(result.Artifacts!.Document.Data["cdh.toml"])!;
    }

    [SkippableFact]
    public void Every_rule_carries_its_location_so_the_guest_never_ignores_insecure()
    {
        using var spec = Declared();
        var image = (TomlTable)Cdh(spec)["image"];
        var config = (TomlTable)image["registry_config"];
        var rules = ((TomlTableArray)config["registry"]).ToList();

        Assert.Equal(new object[] { "docker.io", "registry.example.internal:5000" }, ((TomlArray)config["unqualified-search-registries"]).ToArray());
        Assert.Equal(new[] { "10.0.0.5:5000", "docker.io", "docker.io/library", "quay.io", "*.blocked.example" }, rules.Select(r => (string)r["prefix"]));
        Assert.All(rules, r => Assert.False(string.IsNullOrEmpty((string)r["location"])));

        var http = rules[0];
        Assert.Equal("10.0.0.5:5000", http["location"]);
        Assert.Equal(true, http["insecure"]);
        Assert.Equal(false, http["blocked"]);

        var remap = rules[2];
        Assert.Equal("registry.example.internal:5000/library", remap["location"]);
        Assert.Equal(true, rules[3]["blocked"]);

        var mirrors = ((TomlTableArray)rules[1]["mirror"]).ToList();
        Assert.Equal(new[] { "mirror.example.internal:5000", "10.0.0.5:5000/hub" }, mirrors.Select(m => (string)m["location"]));
        Assert.Equal(new object[] { false, true }, mirrors.Select(m => m["insecure"]));

        // A registry with nothing to say to the guest (HTTPS, public CA or CA in extra roots) gets no rule.
        Assert.DoesNotContain(rules, r => (string)r["prefix"] == "registry.example.internal:5000");
    }

    [SkippableFact]
    public void The_pull_proxy_is_the_table_form()
    {
        using var spec = Declared();
        var proxy = (TomlTable)((TomlTable)Cdh(spec)["image"])["image_pull_proxy"];

        Assert.Equal("http://proxy.example.internal:3128", proxy["https_proxy"]);
        Assert.Equal("localhost,.svc", proxy["no_proxy"]);
        Assert.False(proxy.ContainsKey("http_proxy"));
    }

    [SkippableFact]
    public void Python_tomllib_reads_the_same_rules_from_the_written_document()
    {
        using var spec = Declared();
        var result = spec.Generate();
        using var output = new TempDirectory();
        var initdata = output.Write("initdata.toml", result.Artifacts!.DocumentBytes);

        var run = ProcessRunner.Run(Oracle.Require("python3"), new[] { RepositoryPaths.Script("cdh_to_containers.py"), initdata, Path.Combine(output.Path, "out") }, timeout: TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, run.Output);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var rules = json.RootElement.GetProperty("image").GetProperty("registry_config").GetProperty("registry");
        Assert.Equal(5, rules.GetArrayLength());
        Assert.True(rules[0].GetProperty("insecure").GetBoolean());
        Assert.Equal("10.0.0.5:5000", rules[0].GetProperty("location").GetString());
        Assert.Equal("10.0.0.5:5000/hub", rules[1].GetProperty("mirror")[1].GetProperty("location").GetString());
        Assert.Equal("http://proxy.example.internal:3128", json.RootElement.GetProperty("image").GetProperty("image_pull_proxy").GetProperty("https_proxy").GetString());
        var conf = File.ReadAllText(Path.Combine(output.Path, "out", "registries.conf"));
        Assert.Contains("prefix = \"10.0.0.5:5000\"\nlocation = \"10.0.0.5:5000\"\ninsecure = true", conf, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_same_declarations_give_the_same_bytes()
    {
        using var first = Declared();
        using var second = Declared();

        var a = first.Generate().Artifacts!;
        var b = second.Generate().Artifacts!;

        Assert.Equal(a.DocumentBytes, b.DocumentBytes);
        Assert.Equal(a.Files.Select(f => f.RelativePath), b.Files.Select(f => f.RelativePath));
        Assert.DoesNotContain((byte)'\r', a.DocumentBytes);
        Assert.False(Encoding.UTF8.GetString(a.DocumentBytes).StartsWith('\uFEFF'));
    }
}
