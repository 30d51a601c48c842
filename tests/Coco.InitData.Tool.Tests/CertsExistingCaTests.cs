using System.Text.RegularExpressions;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// certs create issues from an existing CA without replacing it, names each new CA after its server, keeps keys out of
/// git, and prints lines a project builds with. openssl and git are the judges.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class CertsExistingCaTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    [SkippableFact]
    public void A_server_certificate_is_reissued_from_the_existing_CA_and_the_CA_is_left_as_it_was()
    {
        Assert.Equal(0, Tool.Run(Folder.Path, "certs", "create", "--host", "registry.example.internal:5000", "-o", "certs").ExitCode);
        var ca = Path.Combine(Folder.Path, "certs", "registry-ca.pem");
        var caKey = Path.Combine(Folder.Path, "certs", "registry-ca.key");
        var before = (File.ReadAllBytes(ca), File.ReadAllBytes(caKey));

        var result = Tool.Run(Folder.Path, "certs", "create", "--host", "registry.example.internal:5000", "--host", "10.0.0.5:5000", "-o", "certs",
            "--ca-cert", "certs/registry-ca.pem", "--ca-key", "certs/registry-ca.key", "--force");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(result.StandardError);
        Assert.Equal(before.Item1, File.ReadAllBytes(ca));
        Assert.Equal(before.Item2, File.ReadAllBytes(caKey));
        Assert.Contains("CertificateAuthority=\"certs/registry-ca.pem\" ServerCertificate=\"certs/registry.pem\"", result.StandardOutput, StringComparison.Ordinal);
        var verify = ProcessRunner.Run(Oracle.Require("openssl"), new[] { "verify", "-purpose", "sslserver", "-x509_strict", "-CAfile", ca, "-verify_ip", "10.0.0.5", Path.Combine(Folder.Path, "certs", "registry.pem") });
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    [SkippableFact]
    public void The_existing_CA_must_come_with_its_own_key_and_be_a_CA()
    {
        Assert.Equal(0, Tool.Run(Folder.Path, "certs", "create", "--host", "a.example.internal", "-o", "a").ExitCode);
        Assert.Equal(0, Tool.Run(Folder.Path, "certs", "create", "--host", "b.example.internal", "-o", "b").ExitCode);

        var alone = Tool.Run(Folder.Path, "certs", "create", "--host", "a.example.internal", "-o", "c", "--ca-cert", "a/registry-ca.pem");
        var foreignKey = Tool.Run(Folder.Path, "certs", "create", "--host", "a.example.internal", "-o", "c", "--ca-cert", "a/registry-ca.pem", "--ca-key", "b/registry-ca.key");
        var leaf = Tool.Run(Folder.Path, "certs", "create", "--host", "a.example.internal", "-o", "c", "--ca-cert", "a/registry.pem", "--ca-key", "a/registry.key");

        Assert.Equal(2, alone.ExitCode);
        Assert.Contains("error CID4080: --ca-cert was given without --ca-key", alone.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, foreignKey.ExitCode);
        Assert.Contains("error CID4081:", foreignKey.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", foreignKey.Output, StringComparison.Ordinal);
        Assert.Equal(1, leaf.ExitCode);
        Assert.Contains("error CID4082:", leaf.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Folder.Path, "c")));
    }

    [SkippableFact]
    public void Each_new_CA_is_named_after_its_server()
    {
        Assert.Equal(0, Tool.Run(Folder.Path, "certs", "create", "--host", "registry.example.internal:5000", "-o", "certs").ExitCode);
        Assert.Equal(0, Tool.Run(Folder.Path, "certs", "create", "--host", "mirror.example.internal", "-o", "certs", "--name", "mirror").ExitCode);

        Assert.Equal("CN = coco-initdata CA for registry.example.internal:5000", Subject("certs/registry-ca.pem"));
        Assert.Equal("CN = coco-initdata CA for mirror.example.internal", Subject("certs/mirror-ca.pem"));
    }

    [SkippableFact]
    public void Keys_written_inside_the_project_are_ignored_by_git_and_the_output_says_so()
    {
        Assert.Equal(0, ProcessRunner.Run("git", new[] { "init", "-q", Folder.Path }).ExitCode);
        var first = Tool.Run(Folder.Path, "certs", "create", "--host", "registry.example.internal:5000", "-o", "certs");
        var second = Tool.Run(Folder.Path, "certs", "create", "--kbs", "--host", "kbs.example.internal:8080", "-o", "certs");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Output + second.Output);
        Assert.Contains("\ncerts/.gitignore keeps the keys out of git.\n", first.StandardOutput, StringComparison.Ordinal);
        // git itself as the judge: every key ignored, every certificate still addable.
        foreach (var file in new[] { "registry-ca.key", "registry.key", "kbs-ca.key", "kbs.key" })
        {
            Assert.Equal(0, ProcessRunner.Run("git", new[] { "-C", Folder.Path, "check-ignore", "-q", "certs/" + file }).ExitCode);
        }

        foreach (var file in new[] { "registry-ca.pem", "registry.pem", "kbs-ca.pem", ".gitignore" })
        {
            Assert.Equal(1, ProcessRunner.Run("git", new[] { "-C", Folder.Path, "check-ignore", "-q", "certs/" + file }).ExitCode);
        }
    }

    [SkippableFact]
    public void The_printed_lines_pasted_into_a_project_build_as_they_are()
    {
        var result = Tool.Run(Folder.Path, "certs", "create", "--host", "registry.example.internal:5000", "-o", "certs");
        Assert.True(result.ExitCode == 0, result.Output);
        var lines = Regex.Match(result.StandardOutput, "\n\n(<PropertyGroup>.*</ItemGroup>)\n", RegexOptions.Singleline).Groups[1].Value;
        Assert.NotEmpty(lines);
        var project = Folder.Write("App.csproj", "<Project>\n" + lines + "\n</Project>\n");

        var generate = Tool.Run(Folder.Path, "generate", project, "-o", "initdata");

        Assert.True(generate.ExitCode == 0, generate.Output);
        // The one warning is that this bare project does not import the package (CID4060): nothing about the lines.
        Assert.Equal(new[] { "CID4060" }, Regex.Matches(generate.Output, ": (?:warning|error) (CID\\d{4})").Select(m => m.Groups[1].Value).Distinct());
    }

    // openssl as the oracle of the subject.
    private string Subject(string pem) =>
        ProcessRunner.Run(Oracle.Require("openssl"), new[] { "x509", "-in", Path.Combine(Folder.Path, pem), "-noout", "-subject" }).StandardOutput.Trim()["subject=".Length..].Trim();
}
