using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>certs create writes lines that hold in the project they are pasted into, and names its files.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class CertsProjectTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    [SkippableFact]
    public void Paths_are_relative_to_the_project_the_lines_are_pasted_into()
    {
        Folder.Write("src/App/App.csproj", "<Project />\n");

        var result = Tool.Run(Folder.Path, "certs", "create", "--host", "registry.example.internal:5000", "-o", "src/App/certs", "--project", "src/App/App.csproj");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("<InitDataRegistry Include=\"registry.example.internal:5000\" CertificateAuthority=\"certs/registry-ca.pem\" ServerCertificate=\"certs/registry.pem\" />", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.StandardError);
    }

    [SkippableFact]
    public void A_folder_outside_the_project_is_written_absolute_with_a_warning()
    {
        Directory.CreateDirectory(Path.Combine(Folder.Path, "app"));
        var elsewhere = Path.Combine(Folder.Path, "shared", "certs");

        var result = Tool.Run(Folder.Path, "certs", "create", "--host", "registry.example.internal:5000", "-o", elsewhere, "--project", "app");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"CertificateAuthority=\"{elsewhere}/registry-ca.pem\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.StartsWith($"coco-initdata: warning CID4038: '{elsewhere}' is not inside the project folder '{Path.Combine(Folder.Path, "app")}'", result.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_folder_outside_the_current_folder_warns_only_when_a_project_is_there_to_paste_into()
    {
        var elsewhere = Path.Combine(Folder.Path, "keys");
        var here = Directory.CreateDirectory(Path.Combine(Folder.Path, "work")).FullName;

        var noProject = Tool.Run(here, "certs", "create", "--host", "registry.example.internal:5000", "-o", elsewhere);
        Folder.Write("work/App.csproj", "<Project />\n");
        var withProject = Tool.Run(here, "certs", "create", "--host", "registry.example.internal:5000", "-o", elsewhere, "--force");

        Assert.True(noProject.ExitCode == 0, noProject.Output);
        Assert.Contains($"CertificateAuthority=\"{elsewhere}/registry-ca.pem\"", noProject.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(noProject.StandardError);
        Assert.True(withProject.ExitCode == 0, withProject.Output);
        Assert.StartsWith($"coco-initdata: warning CID4038: '{elsewhere}'", withProject.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(elsewhere, ".gitignore")), "keys outside the project need no .gitignore of ours");
    }

    [SkippableFact]
    public void A_KBS_CA_and_a_registry_CA_live_side_by_side()
    {
        var registry = Tool.Run(Folder.Path, "certs", "create", "--host", "registry.example.internal:5000", "-o", "certs");
        var kbs = Tool.Run(Folder.Path, "certs", "create", "--kbs", "--host", "kbs.example.internal:8080", "-o", "certs");

        Assert.True(registry.ExitCode == 0, registry.Output);
        Assert.True(kbs.ExitCode == 0, kbs.Output);
        Assert.Contains("  <InitDataKbsUrl>https://kbs.example.internal:8080</InitDataKbsUrl>\n  <InitDataKbsCertificate>certs/kbs-ca.pem</InitDataKbsCertificate>\n", kbs.StandardOutput, StringComparison.Ordinal);
        var certs = Path.Combine(Folder.Path, "certs");
        Assert.Equal(
            new[] { ".gitignore", "kbs-ca.key", "kbs-ca.pem", "kbs.key", "kbs.pem", "registry-ca.key", "registry-ca.pem", "registry.key", "registry.pem" },
            Directory.GetFiles(certs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // Each server certificate verifies against its own CA only (openssl as the oracle).
        Assert.Equal(0, Verify("kbs-ca.pem", "kbs.pem", "kbs.example.internal").ExitCode);
        Assert.Equal(0, Verify("registry-ca.pem", "registry.pem", "registry.example.internal").ExitCode);
        Assert.NotEqual(0, Verify("registry-ca.pem", "kbs.pem", "kbs.example.internal").ExitCode);

        ProcessResult Verify(string ca, string server, string host) =>
            ProcessRunner.Run(Oracle.Require("openssl"), new[] { "verify", "-purpose", "sslserver", "-verify_hostname", host, "-CAfile", Path.Combine(certs, ca), Path.Combine(certs, server) });
    }

    [SkippableFact]
    public void A_name_that_is_a_path_is_refused()
    {
        var result = Tool.Run(Folder.Path, "certs", "create", "--host", "r.example.internal", "-o", "certs", "--name", "../escape");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error CID4009: --name '../escape' is not valid", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Folder.Path, "certs")));
    }
}
