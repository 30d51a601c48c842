using System.Text.RegularExpressions;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>samples/ci/initdata-ci.sh run as docs/tool.md says.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class CiSampleTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "samples", "ci", "initdata-ci.sh");

    [SkippableFact]
    public void No_private_key_is_written_into_the_output_folder()
    {
        // As docs/tool.md runs it: an "out" folder where the command runs (the repository root there).
        var result = ProcessRunner.Run("bash", new[] { Script, "out" }, Folder.Path, new Dictionary<string, string> { ["COCO_INITDATA"] = Tool.Executable, ["NO_COLOR"] = "1" });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain(": warning CID", result.Output, StringComparison.Ordinal); // a working sample warns of nothing
        var files = Directory.GetFiles(Path.Combine(Folder.Path, "out"), "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("registry-ca.pem", StringComparison.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [SkippableFact]
    public void The_repository_ignores_the_out_folder_the_tool_page_runs_it_with()
    {
        Assert.Contains("COCO_INITDATA=coco-initdata samples/ci/initdata-ci.sh out`", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "tool.md")), StringComparison.Ordinal);
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".gitignore")).Select(l => l.Trim());

        Assert.Contains("/out/", ignored);
    }

    [SkippableFact]
    public void With_a_workload_project_it_verifies_the_certificates_the_project_embeds()
    {
        var app = Path.Combine(Folder.Path, "app");
        var created = Tool.Run(Folder.Path, "certs", "create", "--host", "registry.test.internal:5000", "-o", Path.Combine(app, "certs"), "--project", app);
        Assert.True(created.ExitCode == 0, created.Output);
        var project = Folder.Write("app/App.csproj", """
            <Project>
              <PropertyGroup>
                <InitDataKbsUrl>https://kbs.example.internal:8080</InitDataKbsUrl>
              </PropertyGroup>
              <ItemGroup>
                <InitDataRegistry Include="registry.test.internal:5000" CertificateAuthority="certs/registry-ca.pem" ServerCertificate="certs/registry.pem" />
              </ItemGroup>
            </Project>
            """);
        var own = new[] { "registry-ca.pem", "registry.pem" }.Select(f => Fingerprint(Path.Combine(app, "certs", f))).ToList();
        var output = Path.Combine(Folder.Path, "out");

        var result = ProcessRunner.Run("bash", new[] { Script, output }, Folder.Path,
            new Dictionary<string, string> { ["COCO_INITDATA"] = Tool.Executable, ["NO_COLOR"] = "1", ["WORKLOAD_PROJECT"] = project });

        Assert.True(result.ExitCode == 0, result.Output);
        var verified = result.StandardOutput[result.StandardOutput.IndexOf("== 3. verify", StringComparison.Ordinal)..result.StandardOutput.IndexOf("== 4.", StringComparison.Ordinal)];
        var checkedFingerprints = Regex.Matches(verified, "sha256 ([0-9a-f]{64})").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(own.OrderBy(f => f), checkedFingerprints.OrderBy(f => f));
        Assert.False(Directory.Exists(Path.Combine(output, "certs")), "the script created certificates of its own");
    }

    [SkippableFact]
    public void The_gate_ends_the_script_and_fails_it_when_a_manifest_carries_other_initdata()
    {
        // coco-initdata, except that annotate injects another document than the one the script generated.
        var wrapper = Folder.Write("stale-annotate.sh", $$"""
            #!/usr/bin/env bash
            args=(); swap=
            for a in "$@"; do
              if [ -n "$swap" ] && [ "$1" = annotate ]; then a='{{RepositoryPaths.Vector("tv1-kata-default.toml")}}'; fi
              swap=; [ "$a" = --initdata ] && swap=1
              args+=("$a")
            done
            exec '{{Tool.Executable}}' "${args[@]}"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var honest = ProcessRunner.Run("bash", new[] { Script, "honest" }, Folder.Path, new Dictionary<string, string> { ["COCO_INITDATA"] = Tool.Executable, ["NO_COLOR"] = "1" });
        var stale = ProcessRunner.Run("bash", new[] { Script, "stale" }, Folder.Path, new Dictionary<string, string> { ["COCO_INITDATA"] = wrapper, ["NO_COLOR"] = "1" });

        Assert.True(honest.ExitCode == 0, honest.Output);
        var gate = honest.StandardOutput.IndexOf("== 5. gate", StringComparison.Ordinal);
        Assert.True(gate > honest.StandardOutput.IndexOf("== 4. annotate", StringComparison.Ordinal), honest.StandardOutput);
        Assert.DoesNotContain("\n== ", honest.StandardOutput[gate..], StringComparison.Ordinal); // the last step
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("== 5. gate", stale.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"workload\.yaml\(\d+,\d+\): error CID\d{4}: ", stale.StandardError);
        Assert.DoesNotContain("annotated manifests in", stale.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_output_holds_the_Kustomize_Component_and_the_Helm_values_for_the_annotated_manifests()
    {
        var result = ProcessRunner.Run("bash", new[] { Script, "out" }, Folder.Path, new Dictionary<string, string> { ["COCO_INITDATA"] = Tool.Executable, ["NO_COLOR"] = "1" });

        Assert.True(result.ExitCode == 0, result.Output);
        var initdata = Path.Combine(Folder.Path, "out", "initdata");
        var annotation = File.ReadAllText(Path.Combine(initdata, "initdata.annotation"));
        Assert.Contains(annotation, File.ReadAllText(Path.Combine(initdata, "kustomize", "kustomization.yaml")), StringComparison.Ordinal);
        Assert.Contains(annotation, File.ReadAllText(Path.Combine(initdata, "helm", "values.yaml")), StringComparison.Ordinal);
        Assert.Contains("Kustomize Component in " + Path.Combine(initdata, "kustomize"), result.StandardOutput, StringComparison.Ordinal);
    }

    // openssl as the oracle of a certificate's SHA-256 fingerprint.
    private static string Fingerprint(string pem)
    {
        var result = ProcessRunner.Run(Oracle.Require("openssl"), new[] { "x509", "-in", pem, "-noout", "-fingerprint", "-sha256" });
        Assert.True(result.ExitCode == 0, result.Output);
        return result.StandardOutput.Trim().Split('=')[1].Replace(":", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
    }
}
