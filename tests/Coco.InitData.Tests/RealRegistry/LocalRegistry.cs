using System.Globalization;
using Coco.InitData.Tests.Fixtures;

namespace Coco.InitData.Tests.RealRegistry;

/// <summary>
/// A real distribution registry (Debian's docker-registry, `docker-registry serve config.yml`) on 127.0.0.1
/// and a free port, with its own config and storage in a temp folder; stopped at dispose.
/// </summary>
public sealed class LocalRegistry : IDisposable
{
    private readonly TempDirectory _directory = new("cid-registry");
    private readonly BackgroundProcess _process;

    private LocalRegistry(int port, TestCertificate? server)
    {
        Port = port;
        IsTls = server is not null;
        var certificateFile = server is null ? null : _directory.Write("server.crt", server.Pem);
        var keyFile = server is null ? null : _directory.Write("server.key", server.PrivateKeyPem);
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
                rootdirectory: {Path.Combine(_directory.Path, "data")}
            http:
              addr: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}
              secret: {Guid.NewGuid():N}
            {tls}
            """);
        _process = new BackgroundProcess(RealTools.Find("docker-registry")!, new[] { "serve", config }, _directory.Path);
        if (!FreePort.WaitUntilListening(port, TimeSpan.FromSeconds(30), () => _process.IsRunning))
        {
            var output = _process.Output;
            Dispose();
            throw new InvalidOperationException($"docker-registry did not listen on 127.0.0.1:{port}: {output}");
        }
    }

    public int Port { get; }

    public bool IsTls { get; }

    /// <summary>The registry's log: one access line per request, so a test can see which instance served a pull.</summary>
    public string Log => _process.Output;

    /// <summary>A plain-HTTP registry.</summary>
    public static LocalRegistry StartHttp() => Start(null);

    /// <summary>An HTTPS registry serving <paramref name="server"/> (key and certificate in its temp folder, deleted at dispose).</summary>
    public static LocalRegistry StartTls(TestCertificate server) => Start(server);

    private static LocalRegistry Start(TestCertificate? server)
    {
        // A port free now can be taken before the registry binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new LocalRegistry(FreePort.Next(), server);
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
}
