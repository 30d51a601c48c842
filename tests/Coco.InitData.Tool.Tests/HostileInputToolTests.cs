using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>Hostile input as a user meets it: coded findings, no stack trace, nothing injected that is not initdata.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class HostileInputToolTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: {}\n";

    [Theory]
    [InlineData("empty.toml", "", "CID4042")]
    [InlineData("plain.toml", "x = 1\n", "CID4006")]
    public void Annotate_refuses_an_initdata_file_that_is_not_an_initdata_document(string name, string content, string code)
    {
        var initdata = Folder.Write(name, content);
        Folder.Write("pod.yaml", Pod);

        var result = Tool.Run(Folder.Path, "annotate", "pod.yaml", "--initdata", initdata, "-o", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error {code}:", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Folder.Path, "out")));
    }

    [Fact]
    public void Inspect_of_a_document_whose_embedded_certificate_has_bad_base64_is_CID2003_not_a_crash()
    {
        var path = Folder.Write("bad-cert.toml", "version = \"0.1.0\"\nalgorithm = \"sha256\"\n[data]\n\"cdh.toml\" = '''\n[image]\n"
            + "extra_root_certificates = [\"-----BEGIN CERTIFICATE-----\\n!!!!notbase64@@\\n-----END CERTIFICATE-----\\n\"]\n'''\n");

        var result = Tool.Run(Folder.Path, "inspect", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID2003:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("[extra_root_certificates]", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotate_of_workloads_sharing_a_template_through_an_alias_exits_one_with_CID3066_and_writes_nothing()
    {
        var initdata = Folder.Write("initdata.toml", "version = \"0.1.0\"\nalgorithm = \"sha256\"\n[data]\n");
        Folder.Write("shared.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: a}\n  spec:\n    template: &t\n      spec: {}\n"
            + "- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: b}\n  spec:\n    template: *t\n");

        var result = Tool.Run(Folder.Path, "annotate", "shared.yaml", "--initdata", initdata);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("shared.yaml(8,15): error CID3066:", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public void Annotate_of_a_recursive_alias_is_CID3062_and_the_process_survives()
    {
        var initdata = Folder.Write("initdata.toml", "version = \"0.1.0\"\nalgorithm = \"sha256\"\n[data]\n");
        Folder.Write("loop.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: &s [*s]\n");

        var result = Tool.Run(Folder.Path, "annotate", "loop.yaml", "--initdata", initdata);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("loop.yaml(5,11): error CID3062:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_of_five_thousand_copies_of_one_CA_takes_linear_time()
    {
        var pem = TestPki.Root("Copied Root").Pem;
        var few = Folder.Write("few.pem", string.Concat(Enumerable.Repeat(pem, 500)));
        var many = Folder.Write("many.pem", string.Concat(Enumerable.Repeat(pem, 5000)));

        var small = System.Diagnostics.Stopwatch.StartNew();
        var fewResult = Tool.Run(Folder.Path, "verify", "--ca", few, "--validation-time", "2026-06-01T00:00:00Z");
        small.Stop();
        var large = System.Diagnostics.Stopwatch.StartNew();
        var manyResult = Tool.Run(Folder.Path, "verify", "--ca", many, "--validation-time", "2026-06-01T00:00:00Z", "--json");
        large.Stop();

        Assert.Equal(fewResult.ExitCode, manyResult.ExitCode);
        Assert.Equal(5000, System.Text.Json.JsonDocument.Parse(manyResult.StandardOutput).RootElement.GetProperty("certificates").GetArrayLength());

        // Ten times the certificates: about ten times the work once start-up is taken off; the old report was quadratic (26 s).
        Assert.True(large.Elapsed < small.Elapsed * 25 + TimeSpan.FromSeconds(2), $"{small.Elapsed} -> {large.Elapsed}");
    }

    [Fact]
    public void Broken_TOML_is_reported_at_its_TOML_line_not_as_a_YAML_scalar()
    {
        var path = Folder.Write("broken.toml", "version = \"0.1.0\"\nalgorithm = \"sha256\"\n[data\nx = 1\n");

        var result = Tool.Run(Folder.Path, "digest", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(path + "(3,6): error CID4005:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("not valid TOML", result.StandardError, StringComparison.Ordinal);
    }
}
