using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;
using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Tool.Tests;

/// <summary>verify --json and inspect --json give each certificate its verdict per stack, as initdata.json does.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class CertificateVerdictTests(InstalledTool tool)
{
    [SkippableFact]
    public void Verify_json_gives_each_certificate_its_verdict_per_stack()
    {
        // A home-made CA that reuses the server's name, and a server certificate without key identifiers: OpenSSL
        // takes the leaf for self-signed (CID2081), rustls and Go accept it.
        using var dir = new TempDirectory();
        var root = TestPki.Create(new CertificateSpec { Subject = "CN=registry.example.internal" });
        var leaf = TestPki.Create(new CertificateSpec
        {
            Subject = "CN=registry.example.internal",
            Issuer = root,
            IsCa = false,
            KeyUsageBits = KeyUsage.DigitalSignature,
            ExtendedKeyUsages = new[] { KeyPurposeID.id_kp_serverAuth },
            DnsNames = new[] { "registry.example.internal" },
            NotAfter = TestPki.Epoch.AddYears(2),
            NoKeyIdentifiers = true,
        });
        dir.Write("ca.pem", root.Pem);
        dir.Write("chain.pem", leaf.Pem);

        var result = tool.Run(dir.Path, "verify", "--ca", "ca.pem", "--server-chain", "chain.pem", "--host", "registry.example.internal",
            "--validation-time", "2026-01-01T00:00:00Z", "--json");

        Assert.Equal(1, result.ExitCode);
        var certificates = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("certificates").EnumerateArray().ToList();
        Assert.Equal(2, certificates.Count);
        var served = certificates.Single(c => c.GetProperty("role").GetString() == "served chain");
        Assert.Equal(Verdicts("accepted", "rejected: CID2081", "accepted"), VerdictsOf(served));
        var anchor = certificates.Single(c => c.GetProperty("role").GetString() == "registry CA");
        Assert.Equal(Verdicts("accepted", "accepted", "accepted"), VerdictsOf(anchor));
    }

    [SkippableFact]
    public void Inspect_json_gives_each_embedded_certificate_its_verdict_per_stack()
    {
        var result = tool.Run(AppContext.BaseDirectory, "inspect", RepositoryPaths.Vector("tv3-caa-sample.toml"), "--json", "--validation-time", "2026-01-01T00:00:00Z");

        Assert.Equal(1, result.ExitCode);
        var certificates = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("certificates").EnumerateArray().Select(VerdictsOf).ToList();
        // The sample's expired certificate: rustls ignores an anchor's dates, OpenSSL and Go do not.
        Assert.Contains(Verdicts("accepted", "rejected: CID2020", "rejected: CID2020"), certificates);
        Assert.All(certificates, v => Assert.Equal(new[] { "rustls", "openssl", "go" }, v.Keys));
    }

    [SkippableFact]
    public void Verify_accepts_a_root_with_an_email_san()
    {
        // What ACCVRAIZ1, Izenpe.com and Microsec e-Szigno Root CA 2009 look like (the engine's PublicRootTests run the real ones).
        using var dir = new TempDirectory();
        dir.Write("ca.pem", TestPki.Create(new CertificateSpec { Subject = "CN=Mail Root", EmailAddresses = new[] { "pki@example.test" } }).Pem);

        var result = tool.Run(dir.Path, "verify", "--ca", "ca.pem", "--validation-time", "2026-01-01T00:00:00Z", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var certificate = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("certificates")[0];
        Assert.Equal(Verdicts("accepted", "accepted", "accepted"), VerdictsOf(certificate));
    }

    private static Dictionary<string, string> Verdicts(string rustls, string openssl, string go) =>
        new() { ["rustls"] = rustls, ["openssl"] = openssl, ["go"] = go };

    private static Dictionary<string, string> VerdictsOf(JsonElement certificate) =>
        certificate.GetProperty("verdicts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
}
