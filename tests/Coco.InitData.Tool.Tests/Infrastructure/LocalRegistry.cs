using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Coco.InitData.Tests.Fixtures;

namespace Coco.InitData.Tool.Tests.Infrastructure;

/// <summary>A real Debian docker-registry on 127.0.0.1, plain HTTP or TLS with the given certificate, stopped at dispose.</summary>
public sealed class LocalRegistry : IDisposable
{
    private readonly TempDirectory _dir = new("cid-registry");
    private readonly Process _process;

    public LocalRegistry(string? certificatePem = null, string? keyPem = null)
    {
        Port = FreePort();
        var tls = certificatePem is null ? string.Empty : $"""
              tls:
                certificate: {_dir.Write("server.pem", certificatePem)}
                key: {_dir.Write("server.key", keyPem!)}
            """;
        var config = _dir.Write("config.yml", $"""
            version: 0.1
            log:
              level: error
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_dir.Path, "data")}
            http:
              addr: 127.0.0.1:{Port}
            {tls}
            """);
        var info = new ProcessStartInfo(Executable, new[] { "serve", config }) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    /// <summary>Where Debian installs it; the tests that need it are skipped without it.</summary>
    public static string Executable => "/usr/bin/docker-registry";

    public static bool IsInstalled => File.Exists(Executable);

    public int Port { get; }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _dir.Dispose();
    }

    private void WaitUntilListening()
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("docker-registry exited with " + _process.ExitCode);
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("docker-registry did not listen on " + Port);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
