using System.Text;
using Coco.InitData.Certificates;
using Coco.InitData.Containers;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Containers;

/// <summary>push-ca-bundle.pem: the system's roots and the declared CAs, each once, read back by OpenSSL.</summary>
[Trait("Category", "EndToEnd")]
public sealed class PushCaBundleTests
{
    [SkippableFact]
    public void The_bundle_holds_the_system_roots_and_the_declared_ca_once_each_and_openssl_verifies_the_registry_with_it()
    {
        var missing = RealTools.MissingReason("openssl");
        Skip.If(missing is not null, missing);
        using var directory = new TempDirectory("cid-bundle");
        var now = DateTime.UtcNow.Date;
        var system = TestPki.Create(new CertificateSpec { Subject = "CN=Public root", NotBefore = now.AddDays(-1), NotAfter = now.AddDays(60) });
        var ca = TestPki.Create(new CertificateSpec { Subject = "CN=Registry CA", NotBefore = now.AddDays(-1), NotAfter = now.AddDays(60) });
        var server = TestPki.Create(new CertificateSpec
        {
            Subject = "CN=registry", Issuer = ca, IsCa = false, DnsNames = new[] { "registry.example.internal" },
            ExtendedKeyUsages = new[] { Org.BouncyCastle.Asn1.X509.KeyPurposeID.id_kp_serverAuth }, NotBefore = now.AddDays(-1), NotAfter = now.AddDays(30),
        });
        var systemFile = directory.Write("system.pem", system.Pem);
        var caFile = directory.Write("ca.pem", ca.Pem + ca.Pem);
        var store = SystemTrustStore.FromEnvironment(v => v switch { "SSL_CERT_FILE" => systemFile, "SSL_CERT_DIR" => Path.Combine(directory.Path, "none"), _ => null });

        var bag = new DiagnosticBag();
        var bundle = PushCaBundle.Render(store, new[] { caFile, systemFile }, new SourceLocation("app.csproj"), bag);

        Assert.NotNull(bundle);
        Assert.Empty(bag.Items);
        var text = Encoding.UTF8.GetString(bundle);
        Assert.Equal(2, text.Split("-----BEGIN CERTIFICATE-----").Length - 1);
        Assert.True(text.IndexOf(system.Pem, StringComparison.Ordinal) < text.IndexOf(ca.Pem, StringComparison.Ordinal));
        var bundleFile = directory.Write("push-ca-bundle.pem", bundle);
        var serverFile = directory.Write("server.pem", server.Pem);
        var verify = ProcessRunner.Run(Oracle.Require("openssl"), new[] { "verify", "-CAfile", bundleFile, serverFile }, timeout: TimeSpan.FromMinutes(1));
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    [Fact]
    public void A_machine_without_a_system_store_gets_the_declared_cas_and_CID1058()
    {
        using var directory = new TempDirectory("cid-bundle");
        var ca = TestPki.Create(new CertificateSpec { Subject = "CN=Registry CA" });
        var caFile = directory.Write("ca.pem", ca.Pem);
        var store = SystemTrustStore.FromEnvironment(v => Path.Combine(directory.Path, "missing"));

        var bag = new DiagnosticBag();
        var bundle = PushCaBundle.Render(store, new[] { caFile }, new SourceLocation("app.csproj"), bag);

        Assert.Contains(ca.Pem, Encoding.UTF8.GetString(bundle!), StringComparison.Ordinal);
        Assert.Equal("CID1058", Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void A_declared_ca_file_that_is_not_a_certificate_writes_no_bundle()
    {
        using var directory = new TempDirectory("cid-bundle");
        var notPem = directory.Write("ca.pem", "not a certificate\n");
        var store = SystemTrustStore.FromEnvironment(v => Path.Combine(directory.Path, "missing"));

        var bag = new DiagnosticBag();

        Assert.Null(PushCaBundle.Render(store, new[] { notPem }, new SourceLocation("app.csproj"), bag));
        Assert.True(bag.HasErrors);
    }
}
