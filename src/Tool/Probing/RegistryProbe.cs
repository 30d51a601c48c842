using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Tool.Probing;

/// <summary>
/// Contacts a registry: TCP, then TLS (accepting any certificate, so the chain can be judged by our rules
/// instead of aborting the handshake), then a raw <c>GET /v2/</c> on the same connection. Every step runs
/// under one deadline, so the probe never hangs.
/// </summary>
internal static class RegistryProbe
{
    public static async Task<ProbeResult?> RunAsync(RegistryName registry, int port, bool insecure, TimeSpan timeout, DiagnosticBag diagnostics)
    {
        var target = $"{registry.HostForTls}:{port.ToString(CultureInfo.InvariantCulture)}";
        var result = new ProbeResult();
        using var deadline = new CancellationTokenSource(timeout);
        var step = "connecting";
        try
        {
            using var tcp = new TcpClient();
            var started = DateTime.UtcNow;
            await tcp.ConnectAsync(registry.HostForTls, port, deadline.Token).ConfigureAwait(false);
            result.ConnectTime = DateTime.UtcNow - started;
            Stream stream = tcp.GetStream();
            if (!insecure)
            {
                step = "negotiating TLS";
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = registry.Address is null ? registry.Host : string.Empty,
                    RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
                    {
                        Collect(result, certificate, chain);
                        return true;
                    },
                }, deadline.Token).ConfigureAwait(false);
                result.Protocol = ssl.SslProtocol.ToString();
            }

            step = "asking GET /v2/";
            result.V2Status = await GetV2Async(stream, registry.Authority, deadline.Token).ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            diagnostics.Error(MessageId.ProbeTimedOut, SourceLocation.None, target, (int)timeout.TotalSeconds, step);
            return result.ServedChain.Count > 0 ? result : null;
        }
        catch (SocketException e)
        {
            diagnostics.Error(MessageId.ProbeConnectFailed, SourceLocation.None, target, e.Message);
            return null;
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException)
        {
            if (step == "negotiating TLS")
            {
                diagnostics.Error(MessageId.ProbeTlsFailed, SourceLocation.None, target, e.InnerException?.Message ?? e.Message);
                return null;
            }

            diagnostics.Error(MessageId.ProbeConnectFailed, SourceLocation.None, target, e.Message);
            return result;
        }

        return result;
    }

    // The callback's chain was built by the platform; the certificates the server really sent are the leaf
    // and the chain policy's extra store, which is where .NET puts the peer's intermediates.
    private static void Collect(ProbeResult result, X509Certificate? certificate, X509Chain? chain)
    {
        if (certificate is null)
        {
            return;
        }

        var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        result.ServedChain.Add(leaf);
        foreach (var extra in chain?.ChainPolicy.ExtraStore ?? new X509Certificate2Collection())
        {
            if (!extra.RawData.AsSpan().SequenceEqual(leaf.RawData))
            {
                result.ServedChain.Add(X509CertificateLoader.LoadCertificate(extra.RawData));
            }
        }
    }

    private static async Task<int?> GetV2Async(Stream stream, string authority, CancellationToken token)
    {
        var request = $"GET /v2/ HTTP/1.1\r\nHost: {authority}\r\nUser-Agent: coco-initdata\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), token).ConfigureAwait(false);
        await stream.FlushAsync(token).ConfigureAwait(false);
        var buffer = new byte[1024];
        var line = new StringBuilder();
        while (line.Length < 1024)
        {
            var read = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            line.Append(Encoding.ASCII.GetString(buffer, 0, read));
            if (line.ToString().Contains('\n', StringComparison.Ordinal))
            {
                break;
            }
        }

        // "HTTP/1.1 401 Unauthorized"
        var parts = line.ToString().Split('\n')[0].Split(' ');
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : null;
    }
}
