using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>probe against a real docker-registry on loopback, with certificates made by the tool's own certs create.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class ProbeTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    [Fact]
    public void A_good_chain_for_the_probed_name_is_accepted_and_the_registry_answers()
    {
        var certs = CreateCertificates("good", "localhost", "127.0.0.1");
        using var registry = LocalRegistry.StartTls(File.ReadAllText(Path.Combine(certs, "registry.pem")), File.ReadAllText(Path.Combine(certs, "registry.key")));

        var result = Tool.Run(Folder.Path, "probe", $"localhost:{registry.Port}", "--ca", Path.Combine(certs, "registry-ca.pem"), "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var json = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal("accepted", json.GetProperty("verdict").GetString());
        Assert.Equal(200, json.GetProperty("v2Status").GetInt32());
        Assert.True(json.GetProperty("registryAnswers").GetBoolean());
        Assert.Contains(json.GetProperty("certificates").EnumerateArray(), c => c.GetProperty("role").GetString() == "served chain" && c.GetProperty("subject").GetString() == "CN=localhost");
    }

    [Fact]
    public void A_chain_from_another_CA_is_rejected()
    {
        var certs = CreateCertificates("served", "127.0.0.1");
        var other = CreateCertificates("other", "127.0.0.1");
        using var registry = LocalRegistry.StartTls(File.ReadAllText(Path.Combine(certs, "registry.pem")), File.ReadAllText(Path.Combine(certs, "registry.key")));

        var result = Tool.Run(Folder.Path, "probe", $"127.0.0.1:{registry.Port}", "--ca", Path.Combine(other, "registry-ca.pem"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error CID4024: The chain 127.0.0.1:{registry.Port} serves does not verify", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("HTTP 200", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_ca_the_chain_is_checked_against_the_trust_store_that_SSL_CERT_FILE_and_SSL_CERT_DIR_name()
    {
        var certs = CreateCertificates("system", "127.0.0.1");
        var unrelated = Folder.Write("unrelated-root.pem", TestPki.Root("Unrelated Store Root").Pem);
        using var registry = LocalRegistry.StartTls(File.ReadAllText(Path.Combine(certs, "registry.pem")), File.ReadAllText(Path.Combine(certs, "registry.key")));
        var empty = Directory.CreateDirectory(Path.Combine(Folder.Path, "no-certs")).FullName;
        var folder = Directory.CreateDirectory(Path.Combine(Folder.Path, "cert-dir")).FullName;
        File.Copy(Path.Combine(certs, "registry-ca.pem"), Path.Combine(folder, "registry-ca.pem"));
        ProcessResult Probe(string file, string directories) => Tool.RunWith(Folder.Path,
            new Dictionary<string, string> { ["SSL_CERT_FILE"] = file, ["SSL_CERT_DIR"] = directories }, null, "probe", $"127.0.0.1:{registry.Port}");

        // The CA only in the bundle SSL_CERT_FILE names, then only in a folder of SSL_CERT_DIR: the chain verifies both ways.
        var inFile = Probe(Path.Combine(certs, "registry-ca.pem"), empty);
        var inFolder = Probe(Path.Combine(Folder.Path, "absent.pem"), empty + ":" + folder);
        var elsewhere = Probe(unrelated, empty);

        Assert.True(inFile.ExitCode == 0, inFile.Output);
        Assert.Contains($"warning CID4026: No --ca was given, so the chain 127.0.0.1:{registry.Port} serves was checked against the system trust store ({Path.Combine(certs, "registry-ca.pem")} and {empty}; 1 certificate(s))", inFile.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("error", inFile.StandardError, StringComparison.Ordinal);
        Assert.True(inFolder.ExitCode == 0, inFolder.Output);
        Assert.Contains($"checked against the system trust store ({empty} and {folder}; 1 certificate(s))", inFolder.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, elsewhere.ExitCode);
        Assert.Contains($"error CID4024: The chain 127.0.0.1:{registry.Port} serves does not verify against the system trust store ({unrelated} and {empty}; 1 certificate(s))", elsewhere.StandardError, StringComparison.Ordinal);
        Assert.Contains($"neither the served chain nor the trust anchors (the system trust store ({unrelated} and {empty}; 1 certificate(s))) hold a certificate of that name", elsewhere.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_the_probed_name_is_rejected()
    {
        var certs = CreateCertificates("name", "registry.example.internal");
        using var registry = LocalRegistry.StartTls(File.ReadAllText(Path.Combine(certs, "registry.pem")), File.ReadAllText(Path.Combine(certs, "registry.key")));

        var result = Tool.Run(Folder.Path, "probe", $"127.0.0.1:{registry.Port}", "--ca", Path.Combine(certs, "registry-ca.pem"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID4025:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("'127.0.0.1'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_HTTP_registry_answers_with_insecure()
    {
        using var registry = LocalRegistry.StartHttp();

        var result = Tool.Run(Folder.Path, "probe", $"127.0.0.1:{registry.Port}", "--insecure");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("GET /v2/: HTTP 200 (a registry answers)", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void TLS_to_a_plain_HTTP_registry_is_a_handshake_error()
    {
        using var registry = LocalRegistry.StartHttp();

        var result = Tool.Run(Folder.Path, "probe", $"127.0.0.1:{registry.Port}", "--timeout", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID4022:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_silent_server_times_out_within_the_bound()
    {
        // Accepts the connection and never answers: the probe must give up by itself.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var started = DateTime.UtcNow;

        var result = Tool.Run(Folder.Path, "probe", $"127.0.0.1:{port}", "--timeout", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID4021:", result.StandardError, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Nothing_listening_is_a_connection_error()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var result = Tool.Run(Folder.Path, "probe", $"127.0.0.1:{port}", "--insecure", "--timeout", "3");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID4020:", result.StandardError, StringComparison.Ordinal);
    }

    private string CreateCertificates(string name, params string[] hosts)
    {
        var output = Path.Combine(Folder.Path, name);
        var arguments = new List<string> { "certs", "create", "-o", output };
        foreach (var host in hosts)
        {
            arguments.AddRange(new[] { "--host", host });
        }

        var result = Tool.Run(Folder.Path, arguments.ToArray());
        Assert.True(result.ExitCode == 0, result.Output);
        return output;
    }
}
