using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;
using Coco.InitData.Tool.Certificates;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Commands;

/// <summary><c>certs create --host HOST[:PORT]... -o DIR</c>: a registry CA and server certificate, and the project lines to paste.</summary>
internal static class CertsCommand
{
    private const string CaFile = "registry-ca.pem";
    private const string CaKeyFile = "registry-ca.key";
    private const string ServerFile = "registry.pem";
    private const string ServerKeyFile = "registry.key";

    public static Command Create()
    {
        var hosts = new Option<string[]>("--host") { Description = "A name the registry is reached by: host[:port], IPv4 or [IPv6]; repeat for every name.", Required = true, Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the CA, the server certificate and their keys to.", Required = true };
        var rsa = new Option<bool>("--rsa") { Description = "RSA-3072 keys instead of ECDSA P-256." };
        var caName = new Option<string>("--ca-name") { Description = "The CA's common name.", DefaultValueFactory = _ => "coco-initdata registry CA" };
        var days = new Option<int>("--days") { Description = "Days the server certificate is valid (the CA: ten years).", DefaultValueFactory = _ => 365 };
        var force = new Option<bool>("--force") { Description = "Overwrite existing files." };
        var json = CommonOptions.Json();
        var create = new Command("create", "Create a private registry CA and a server certificate every guest and node TLS stack accepts.")
        {
            hosts, output, rsa, caName, days, force, json,
        };
        create.SetAction(parse => Run(parse.GetValue(hosts)!, parse.GetValue(output)!, parse.GetValue(rsa), parse.GetValue(caName)!, parse.GetValue(days), parse.GetValue(force), parse.GetValue(json)));
        return new Command("certs", "Certificates for a self-hosted registry.") { create };
    }

    private static int Run(string[] hostArguments, string output, bool rsa, string caName, int days, bool force, bool json)
    {
        var reporter = new Reporter();
        var registries = new List<RegistryName>();
        foreach (var host in hostArguments)
        {
            if (!RegistryName.TryParse(host, out var name, out var problem) || name!.Path.Length > 0 || name.IsWildcard)
            {
                reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "--host", host, problem.Length > 0 ? problem : "give host[:port] without a path or wildcard");
                return ExitCodes.Usage;
            }

            registries.Add(name);
        }

        if (days is < 1 or > 3650)
        {
            reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "--days", days, "use 1 to 3650");
            return ExitCodes.Usage;
        }

        var directory = Path.GetFullPath(output);
        var targets = new[] { CaFile, CaKeyFile, ServerFile, ServerKeyFile }.Select(f => Path.Combine(directory, f)).ToArray();
        if (!force && targets.FirstOrDefault(File.Exists) is { } existing)
        {
            reporter.Error(MessageId.CertsOutputExists, new SourceLocation(existing), existing);
            return ExitCodes.Findings;
        }

        var names = registries.Select(r => r.Address?.ToString() ?? r.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Back-dated an hour so a guest whose clock lags a little still sees it as valid.
        var (ca, caKey, server, serverKey) = RegistryCertificateFactory.Create(names, caName, rsa, DateTimeOffset.UtcNow.AddHours(-1), 3650, days);
        using (ca)
        using (caKey)
        using (server)
        using (serverKey)
        {
            try
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(targets[0], ca.ExportCertificatePem() + "\n");
                WriteKey(targets[1], caKey);
                File.WriteAllText(targets[2], server.ExportCertificatePem() + "\n");
                WriteKey(targets[3], serverKey);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reporter.Error(MessageId.OutputWriteFailed, new SourceLocation(directory), directory, e.Message);
                return ExitCodes.Findings;
            }

            // Paths in the project file are relative to it: relative when the folder is below here, else absolute.
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), directory).Replace('\\', '/');
            relative = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? directory.Replace('\\', '/') : relative;
            if (json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteString("certificateAuthority", targets[0]);
                    w.WriteString("certificateAuthorityKey", targets[1]);
                    w.WriteString("serverCertificate", targets[2]);
                    w.WriteString("serverKey", targets[3]);
                    w.WriteString("certificateAuthoritySha256", ca.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant());
                    w.WriteString("serverSha256", server.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant());
                    w.WriteString("notAfter", server.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                });
            }
            else
            {
                var o = Reporter.Out;
                o.WriteLine($"Wrote {targets[0]} (CA), {targets[2]} (server, for {string.Join(", ", names)}) and their keys (owner-only).");
                o.WriteLine("Serve registry.pem with registry.key from the registry; keep registry-ca.key offline. Paste into the project file:");
                o.WriteLine();
                o.WriteLine("<ItemGroup>");
                foreach (var registry in registries)
                {
                    o.WriteLine($"  <InitDataRegistry Include=\"{registry.Text}\" CertificateAuthority=\"{relative}/{CaFile}\" ServerCertificate=\"{relative}/{ServerFile}\" />");
                }

                o.WriteLine("</ItemGroup>");
            }
        }

        return ExitCodes.Success;
    }

    // Created owner-only from the start, not chmod-ed afterwards: no moment where another user can read the key.
    private static void WriteKey(string path, AsymmetricAlgorithm key)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem() + "\n");
        }

        if (!OperatingSystem.IsWindows())
        {
            // An existing file keeps its old mode on FileMode.Create (--force): set it explicitly.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
