namespace Coco.InitData.Tests.RealRegistry;

/// <summary>
/// Two real registries on loopback: one HTTPS with a server certificate from a CA made by the test, one plain
/// HTTP. Image A is pushed to both as demo/hello:v1; image B only to the HTTP one as mirror/demo/hello:v1, so
/// a pull that returns B's digest was served by the mirror.
/// </summary>
public sealed class RegistryEnvironment : IDisposable
{
    private readonly TempDirectory _work = new("cid-realreg");
    private readonly LocalRegistry? _tls;
    private readonly LocalRegistry? _http;

    public RegistryEnvironment()
    {
        SkipReason = RealTools.MissingReason("docker-registry", "skopeo", "python3");
        if (SkipReason is not null)
        {
            return;
        }

        // Dates around the real clock: the registry's TLS is checked by skopeo and containerd at run time.
        var now = DateTime.UtcNow.Date;
        Ca = TestPki.Create(new CertificateSpec { Subject = "CN=Coco.InitData test registry CA", NotBefore = now.AddDays(-1), NotAfter = now.AddDays(60) });
        WrongCa = TestPki.Create(new CertificateSpec { Subject = "CN=Coco.InitData test registry CA", NotBefore = now.AddDays(-1), NotAfter = now.AddDays(60), Key = KeyKind.EcP384 });
        var server = TestPki.Create(new CertificateSpec
        {
            Subject = "CN=localhost",
            Issuer = Ca,
            IsCa = false,
            KeyUsageBits = Org.BouncyCastle.Asn1.X509.KeyUsage.DigitalSignature,
            ExtendedKeyUsages = new[] { Org.BouncyCastle.Asn1.X509.KeyPurposeID.id_kp_serverAuth },
            DnsNames = new[] { "localhost" },
            IpAddresses = new[] { "127.0.0.1" },
            NotBefore = now.AddDays(-1),
            NotAfter = now.AddDays(30),
        });

        try
        {
            _tls = LocalRegistry.StartTls(server);
            _http = LocalRegistry.StartHttp();
            var a = Path.Combine(_work.Path, "image-a");
            var b = Path.Combine(_work.Path, "image-b");
            DigestA = OciLayout.Write(a, "v1", "served by the registry itself\n");
            DigestB = OciLayout.Write(b, "v1", "served by the mirror\n");
            var certs = Path.Combine(_work.Path, "push-certs");
            Directory.CreateDirectory(certs);
            File.WriteAllText(Path.Combine(certs, "ca.crt"), Ca.Pem);
            Push(a, $"localhost:{_tls.Port}/demo/hello:v1", "--dest-cert-dir", certs);
            Push(a, $"127.0.0.1:{_http.Port}/demo/hello:v1", "--dest-tls-verify=false");
            Push(b, $"127.0.0.1:{_http.Port}/mirror/demo/hello:v1", "--dest-tls-verify=false");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Why the real-registry tests cannot run here, or null.</summary>
    public string? SkipReason { get; }

    public TestCertificate Ca { get; } = null!;

    /// <summary>A CA with the same subject and another key: what a stale or mixed-up CA file looks like.</summary>
    public TestCertificate WrongCa { get; } = null!;

    public int TlsPort => _tls!.Port;

    public int HttpPort => _http!.Port;

    public string DigestA { get; } = string.Empty;

    public string DigestB { get; } = string.Empty;

    public string HttpLog => _http!.Log;

    /// <summary>Runs skopeo with an isolated auth file, bounded in time.</summary>
    public static ProcessResult Skopeo(params string[] arguments) =>
        ProcessRunner.Run(RealTools.Find("skopeo")!, arguments, environment: new Dictionary<string, string> { ["REGISTRY_AUTH_FILE"] = "/nonexistent/auth.json" },
            timeout: TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        _tls?.Dispose();
        _http?.Dispose();
        _work.Dispose();
    }

    private void Push(string layout, string destination, params string[] options)
    {
        var result = Skopeo(new[] { "copy" }.Concat(options).Concat(new[] { "oci:" + layout + ":v1", "docker://" + destination }).ToArray());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"skopeo copy to {destination} failed: {result.Output}");
        }
    }
}
