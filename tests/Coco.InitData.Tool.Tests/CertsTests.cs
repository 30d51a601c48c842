using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>certs create, judged by openssl (an independent TLS stack), not by the tool itself.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class CertsTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    [SkippableTheory]
    [InlineData(false, "id-ecPublicKey")]
    [InlineData(true, "rsaEncryption")]
    public void The_server_certificate_verifies_with_openssl_for_every_name(bool rsa, string keyAlgorithm)
    {
        var arguments = new List<string> { "certs", "create", "--host", "registry.example.internal:5000", "--host", "10.0.0.5:5000", "-o", "certs" };
        if (rsa)
        {
            arguments.Add("--rsa");
        }

        var result = Tool.Run(Folder.Path, arguments.ToArray());

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("<InitDataRegistry Include=\"registry.example.internal:5000\" CertificateAuthority=\"certs/registry-ca.pem\" ServerCertificate=\"certs/registry.pem\" />", result.StandardOutput, StringComparison.Ordinal);
        var ca = Path.Combine(Folder.Path, "certs", "registry-ca.pem");
        var server = Path.Combine(Folder.Path, "certs", "registry.pem");
        foreach (var check in new[] { new[] { "-verify_hostname", "registry.example.internal" }, new[] { "-verify_ip", "10.0.0.5" } })
        {
            var verify = ProcessRunner.Run(Oracle.Require("openssl"), new[] { "verify", "-purpose", "sslserver", "-x509_strict", "-CAfile", ca }.Concat(check).Append(server));
            Assert.True(verify.ExitCode == 0, verify.Output);
        }

        var text = ProcessRunner.Run(Oracle.Require("openssl"), new[] { "x509", "-in", server, "-noout", "-text" }).StandardOutput;
        Assert.Contains("CA:FALSE", text, StringComparison.Ordinal);
        Assert.Contains("TLS Web Server Authentication", text, StringComparison.Ordinal);
        Assert.Matches("Signature Algorithm: (ecdsa-with-SHA256|sha256WithRSAEncryption)", text);
        Assert.Contains(keyAlgorithm, text, StringComparison.Ordinal);
        var caText = ProcessRunner.Run(Oracle.Require("openssl"), new[] { "x509", "-in", ca, "-noout", "-text" }).StandardOutput;
        Assert.Contains("CA:TRUE", caText, StringComparison.Ordinal);
        Assert.Contains("Certificate Sign", caText, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Keys_are_owner_only_and_existing_files_are_kept()
    {
        var first = Tool.Run(Folder.Path, "certs", "create", "--host", "localhost", "-o", "certs");
        Assert.True(first.ExitCode == 0, first.Output);
        foreach (var key in new[] { "registry-ca.key", "registry.key" })
        {
            if (OperatingSystem.IsWindows())
            {
                break;
            }

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Folder.Path, "certs", key)));
        }

        var again = Tool.Run(Folder.Path, "certs", "create", "--host", "localhost", "-o", "certs");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("error CID4027:", again.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_host_with_a_path_is_bad_usage()
    {
        var result = Tool.Run(Folder.Path, "certs", "create", "--host", "registry.example.internal/team", "-o", "certs");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error CID4009: --host", result.StandardError, StringComparison.Ordinal);
    }
}
