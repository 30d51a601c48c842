using System.Net;
using System.Net.Sockets;

namespace Coco.InitData.Testing;

/// <summary>
/// A real distribution registry (Debian's docker-registry, `docker-registry serve config.yml`) on 127.0.0.1
/// (or ::1) and a free port, with its own config and storage in a temp folder; stopped at dispose.
/// </summary>
public sealed class LocalRegistry : IDisposable
{
    private readonly TempDirectory _directory = new("cid-registry");
    private readonly BackgroundProcess _process;

    private LocalRegistry(IPAddress loopback, int port, ServerIdentity? server, string? dataDirectory)
    {
        Port = port;
        DataDirectory = dataDirectory ?? Path.Combine(_directory.Path, "data");
        var endpoint = new IPEndPoint(loopback, port).ToString();
        IsTls = server is not null;
        var certificateFile = server is null ? null : _directory.Write("server.crt", server.CertificatePem);
        var keyFile = server is null ? null : _directory.Write("server.key", server.KeyPem);
        var tls = certificateFile is null ? string.Empty : $"""
              tls:
                certificate: {certificateFile}
                key: {keyFile}
            """;
        var config = _directory.Write("config.yml", $"""
            version: 0.1
            log:
              level: info
            storage:
              filesystem:
                rootdirectory: {DataDirectory}
            http:
              addr: "{endpoint}"
              secret: {Guid.NewGuid():N}
            {tls}
            """);
        _process = new BackgroundProcess(RealTools.Find("docker-registry")!, new[] { "serve", config }, _directory.Path);
        if (!FreePort.WaitUntilListening(port, TimeSpan.FromSeconds(30), () => _process.IsRunning, loopback))
        {
            var output = _process.Output;
            Dispose();
            throw new InvalidOperationException($"docker-registry did not listen on {endpoint}: {output}");
        }
    }

    public int Port { get; }

    /// <summary>The storage folder: a second instance on another address can serve the same images.</summary>
    public string DataDirectory { get; }

    public bool IsTls { get; }

    /// <summary>The registry's log: one access line per request, so a test can see which instance served a pull.</summary>
    public string Log => _process.Output;

    /// <summary>A plain-HTTP registry.</summary>
    public static LocalRegistry StartHttp() => Start(null);

    /// <summary>An HTTPS registry serving <paramref name="server"/> (key and certificate in its temp folder, deleted at dispose).</summary>
    public static LocalRegistry StartTls(TestCertificate server) => Start(new ServerIdentity(server.Pem, server.PrivateKeyPem));

    /// <summary>An HTTPS registry serving a certificate and key made elsewhere (by the tool's own `certs create`, say).</summary>
    public static LocalRegistry StartTls(string certificatePem, string keyPem) => Start(new ServerIdentity(certificatePem, keyPem));

    /// <summary>
    /// A registry on [::1] only (HTTPS when <paramref name="server"/> is given) whose storage is <paramref name="dataDirectory"/>:
    /// skopeo cannot name an IPv6 host (its reference grammar has none), so images are pushed through a 127.0.0.1
    /// instance over the same folder.
    /// </summary>
    public static LocalRegistry StartOnIpv6Loopback(TestCertificate? server, string dataDirectory) =>
        Start(server is null ? null : new ServerIdentity(server.Pem, server.PrivateKeyPem), IPAddress.IPv6Loopback, dataDirectory);

    /// <summary>Why ::1 cannot be used here, or null.</summary>
    public static string? Ipv6SkipReason()
    {
        try
        {
            FreePort.Next(IPAddress.IPv6Loopback);
            return null;
        }
        catch (SocketException e)
        {
            return "no IPv6 loopback (::1) on this machine: " + e.Message;
        }
    }

    private static LocalRegistry Start(ServerIdentity? server, IPAddress? loopback = null, string? dataDirectory = null)
    {
        // A port free now can be taken before the registry binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var address = loopback ?? IPAddress.Loopback;
                return new LocalRegistry(address, FreePort.Next(address), server, dataDirectory);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        _directory.Dispose();
    }

    /// <summary>The certificate and key the registry serves over TLS, as PEM text.</summary>
    private sealed record ServerIdentity(string CertificatePem, string KeyPem);
}
