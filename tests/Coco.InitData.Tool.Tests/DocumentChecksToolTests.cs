using System.Security.Cryptography;
using System.Text;
using Coco.InitData.Tool.Tests.Infrastructure;
using Coco.InitData.Transport;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// Inspect and verify flag what the guest fails on in documents we did not write
/// (guest-components v0.21.0 confidential-data-hub/hub/src/config.rs: kbc.name is required), and verify
/// --expect-digest fails CI when a manifest no longer carries the build's bytes, as after genpolicy (kata 3.32.0
/// src/tools/genpolicy/src/policy.rs generate_initdata_anno re-encodes the document with its policy.rego).
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class DocumentChecksToolTests(InstalledTool tool)
{
    private const string Built = "version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n\"cdh.toml\" = '''\n[kbc]\nname = 'cc_kbc'\nurl = 'http://kbs:8080'\n'''\n\"policy.rego\" = '''\npackage agent_policy\n'''\n";

    // What genpolicy leaves: the same settings, its own policy (its rules, then policy_data), another serialisation.
    private const string AfterGenpolicy = "algorithm = \"sha256\"\nversion = \"0.1.0\"\n\n[data]\n\"cdh.toml\" = \"\"\"\n[kbc]\nname = 'cc_kbc'\nurl = 'http://kbs:8080'\n\"\"\"\n\"policy.rego\" = '''\npackage agent_policy\ndefault AllowRequestsFailingPolicy := false\n\npolicy_data := {\n  \"containers\": []\n}'''\n";

    // Another build's document: genpolicy had no part in it.
    private const string OtherBuild = "version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n\"cdh.toml\" = '''\n[kbc]\nname = 'cc_kbc'\nurl = 'http://kbs-old:8080'\n'''\n\"policy.rego\" = '''\npackage agent_policy\n'''\n";

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static string Manifest(params string[] documents) => string.Concat(documents.Select((d, i) => $"""
        {(i > 0 ? "---\n" : string.Empty)}apiVersion: v1
        kind: Pod
        metadata:
          name: p{i}
          annotations:
            io.katacontainers.config.hypervisor.cc_init_data: "{AnnotationCodec.Encode(Encoding.UTF8.GetBytes(d))}"
        spec:
          containers: []

        """));

    [Fact]
    public void Inspect_fails_on_a_cdh_toml_without_kbc_which_the_confidential_data_hub_refuses()
    {
        using var dir = new TempDirectory();
        var manifest = dir.Write("pod.yaml", Manifest("version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n\"cdh.toml\" = '''\nsocket = 'unix:///run/confidential-containers/cdh.sock'\n'''\n"));

        var result = tool.Run(dir.Path, "inspect", manifest);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID3023", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_passes_when_every_pod_template_carries_the_expected_digest_given_as_text_or_as_initdata_json()
    {
        using var dir = new TempDirectory();
        var manifest = dir.Write("app.yaml", Manifest(Built, Built));
        var json = dir.Write("initdata.json", $$"""{"annotation":{"name":"x","length":1},"algorithm":"sha256","digest":"{{Sha256(Built)}}"}""");

        var byText = tool.Run(dir.Path, "verify", manifest, "--expect-digest", "sha256:" + Sha256(Built));
        var byFile = tool.Run(dir.Path, "verify", manifest, "--expect-digest", json);

        Assert.True(byText.ExitCode == 0, byText.Output);
        Assert.True(byFile.ExitCode == 0, byFile.Output);
    }

    [Fact]
    public void Verify_fails_at_the_pod_template_whose_annotation_genpolicy_rewrote()
    {
        using var dir = new TempDirectory();
        var manifest = dir.Write("app.yaml", Manifest(Built, AfterGenpolicy));

        var result = tool.Run(dir.Path, "verify", manifest, "--expect-digest", "sha256:" + Sha256(Built));

        Assert.Equal(1, result.ExitCode);
        var line = File.ReadAllLines(manifest).Select((l, i) => (l, i)).Where(x => x.l.Contains("cc_init_data", StringComparison.Ordinal)).Last().i + 1;
        Assert.Contains($"app.yaml({line},", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("error CID4046: Pod/p1 in", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("its policy.rego is one genpolicy wrote", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("sha256:" + Sha256(AfterGenpolicy), result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Split('\n'), l => l.Contains("CID4046", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mismatch_genpolicy_had_no_part_in_does_not_name_genpolicy_nor_repeat_the_expected_digest()
    {
        using var dir = new TempDirectory();
        var manifest = dir.Write("app.yaml", Manifest(Built, OtherBuild));
        var annotation = dir.Write("other.annotation", AnnotationCodec.Encode(Encoding.UTF8.GetBytes(OtherBuild)) + "\n");
        var expected = "sha256:" + Sha256(Built);

        var gate = tool.Run(dir.Path, "verify", manifest, "--expect-digest", expected);
        var single = tool.Run(dir.Path, "verify", annotation, "--expect-digest", expected);

        Assert.Equal(1, gate.ExitCode);
        Assert.Equal(1, single.ExitCode);
        var template = Assert.Single(gate.StandardError.Split('\n'), l => l.Contains("CID4064", StringComparison.Ordinal));
        var document = Assert.Single(single.StandardError.Split('\n'), l => l.Contains("CID4040", StringComparison.Ordinal));
        foreach (var line in new[] { template, document })
        {
            Assert.DoesNotContain("genpolicy", line, StringComparison.Ordinal);
            Assert.Contains($"not the {expected} expected by --expect-digest:", line, StringComparison.Ordinal);
            Assert.Single(line.Split(expected).Skip(1));
        }
    }

    // Trustee v0.21.0 deps/verifier/src/cca/mod.rs compares the expected init data hash (the
    // unpadded digest) with the 64-byte realm personalisation value; kata 3.32.0 kata-types initdata.rs adjust_digest
    // pads it to 64 bytes, so only sha512 passes.
    [Theory]
    [InlineData("sha256", true)]
    [InlineData("sha384", true)]
    [InlineData("sha512", false)]
    public void Digest_notes_under_the_cca_value_that_trustee_matches_it_only_for_sha512(string algorithm, bool noted)
    {
        using var dir = new TempDirectory();
        var file = dir.Write("initdata.toml", $"version = \"0.1.0\"\nalgorithm = \"{algorithm}\"\n\n[data]\n");

        var result = tool.Run(dir.Path, "digest", file, "--tee", "cca");

        Assert.True(result.ExitCode == 0, result.Output);
        var lines = result.StandardOutput.Split('\n');
        var cca = Array.FindIndex(lines, l => l.TrimStart().StartsWith("cca", StringComparison.Ordinal));
        Assert.Equal(noted, lines[cca + 2].Contains("use sha512 for CCA", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sha256:abc")]
    [InlineData("md5:0123")]
    public void A_malformed_expected_digest_is_a_usage_error(string expected)
    {
        using var dir = new TempDirectory();
        var manifest = dir.Write("app.yaml", Manifest(Built));

        var result = tool.Run(dir.Path, "verify", manifest, "--expect-digest", expected);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--expect-digest", result.StandardError, StringComparison.Ordinal);
    }
}
