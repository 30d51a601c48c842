using System.Globalization;
using System.Net;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// The independent oracle for the OpenSSL guest profile: <c>openssl verify</c> with no system store, the purpose
/// and host checks a TLS client makes, at the fixed validation time, and security level 1 (OpenSSL's default for
/// TLS clients, which is what refuses SHA-1 signatures in a handshake).
/// </summary>
internal static class OpenSslVerify
{
    /// <summary>Why openssl cannot run here, in one line, or null.</summary>
    public static string? SkipReason => RealTools.MissingReason("openssl");

    private static string OpenSsl => Oracle.Require("openssl");

    /// <summary>Runs openssl verify on the case's chain; returns (accepted, openssl's output).</summary>
    public static (bool Accepted, string Output) Run(CertificateCase c) => Run(OracleInput.Of(c, "oracle"));

    /// <summary>Runs openssl verify on the files; an empty host is not checked.</summary>
    public static (bool Accepted, string Output) Run(OracleInput input)
    {
        var arguments = new List<string> { "verify", "-no-CApath", "-no-CAstore", "-CAfile", input.Anchors, "-purpose", "sslserver", "-auth_level", "1" };
        if (input.Untrusted is { } untrusted)
        {
            arguments.AddRange(new[] { "-untrusted", untrusted });
        }

        if (input.Host.Length > 0)
        {
            arguments.AddRange(IPAddress.TryParse(input.Host, out _) ? new[] { "-verify_ip", input.Host } : new[] { "-verify_hostname", input.Host });
        }

        arguments.AddRange(new[] { "-attime", input.At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), input.Leaf });
        var result = ProcessRunner.Run(OpenSsl, arguments, input.Directory, timeout: TimeSpan.FromSeconds(30));
        return (result.ExitCode == 0, result.Output);
    }

    /// <summary>
    /// Verifies a self-signed root as its own leaf at <paramref name="at"/> (no purpose: a CA is no TLS server):
    /// what OpenSSL thinks of it as a trust anchor, dates included.
    /// </summary>
    public static (bool Accepted, string Output) VerifyRoot(string rootPem, DateTimeOffset at)
    {
        var result = ProcessRunner.Run(OpenSsl, new[]
        {
            "verify", "-no-CApath", "-no-CAstore", "-CAfile", rootPem, "-attime", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), rootPem,
        }, Path.GetTempPath(), timeout: TimeSpan.FromSeconds(30));
        return (result.ExitCode == 0, result.Output);
    }

    /// <summary>The host of a registry name, without port or IPv6 brackets.</summary>
    public static string HostOf(string registry)
    {
        Assert.True(Coco.InitData.Registries.RegistryName.TryParse(registry, out var name, out var problem), problem);
        return name!.HostForTls;
    }
}
