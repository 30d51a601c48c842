using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;
using Coco.InitData.Tool.Certificates;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Commands;

/// <summary><c>certs create --host HOST[:PORT]... -o DIR [--name NAME] [--kbs]</c>: a CA and server certificate, and the project lines to paste.</summary>
internal static class CertsCommand
{
    public static Command Create()
    {
        var hosts = new Option<string[]>("--host") { Description = "A name the server is reached by: host[:port], IPv4 or [IPv6]; repeat for every name.", Required = true, Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the CA, the server certificate and their keys to.", Required = true };
        var name = new Option<string?>("--name") { Description = "The files' name: NAME-ca.pem, NAME-ca.key, NAME.pem, NAME.key (default registry, or kbs with --kbs), so several CAs share a folder." };
        var kbs = new Option<bool>("--kbs") { Description = "The server is the Trustee KBS: print InitDataKbsUrl and InitDataKbsCertificate instead of InitDataRegistry lines." };
        var project = new Option<string?>("--project") { Description = "The project file (or its folder) the printed lines go into: paths are relative to it (default: the current folder)." };
        var rsa = new Option<bool>("--rsa") { Description = "RSA-3072 keys instead of ECDSA P-256." };
        var caName = new Option<string?>("--ca-name") { Description = "The CA's common name (default: coco-initdata NAME CA)." };
        var days = new Option<int>("--days") { Description = "Days the server certificate is valid (the CA: ten years).", DefaultValueFactory = _ => 365 };
        var force = new Option<bool>("--force") { Description = "Overwrite existing files." };
        var json = CommonOptions.Json();
        var create = new Command("create", "Create a private CA and a server certificate (a registry's or the KBS's) every guest and node TLS stack accepts.")
        {
            hosts, output, name, kbs, project, rsa, caName, days, force, json,
        };
        create.SetAction(parse =>
        {
            var isKbs = parse.GetValue(kbs);
            var stem = parse.GetValue(name) ?? (isKbs ? "kbs" : "registry");
            var request = new Request(parse.GetValue(hosts)!, parse.GetValue(output)!, stem, isKbs, parse.GetValue(project), parse.GetValue(rsa),
                parse.GetValue(caName) ?? $"coco-initdata {stem} CA", parse.GetValue(days), parse.GetValue(force), parse.GetValue(json));
            return Run(request);
        });
        return new Command("certs", "Certificates for a self-hosted registry or KBS.") { create };
    }

    private static int Run(Request request)
    {
        var reporter = new Reporter();
        var registries = new List<RegistryName>();
        foreach (var host in request.Hosts)
        {
            if (!RegistryName.TryParse(host, out var parsed, out var problem) || parsed!.Path.Length > 0 || parsed.IsWildcard)
            {
                reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "--host", host, problem.Length > 0 ? problem : "give host[:port] without a path or wildcard");
                return ExitCodes.Usage;
            }

            registries.Add(parsed);
        }

        if (request.Name.Length == 0 || request.Name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.') || request.Name.StartsWith('.'))
        {
            reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "--name", request.Name, "use letters, digits, '-', '_' and '.' only (it names files)");
            return ExitCodes.Usage;
        }

        if (request.Days is < 1 or > 3650)
        {
            reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "--days", request.Days, "use 1 to 3650");
            return ExitCodes.Usage;
        }

        var projectDirectory = ProjectDirectory(request.Project);
        var directory = Path.GetFullPath(request.Output);
        var files = new[] { request.Name + "-ca.pem", request.Name + "-ca.key", request.Name + ".pem", request.Name + ".key" };
        var targets = files.Select(f => Path.Combine(directory, f)).ToArray();
        if (!request.Force && targets.FirstOrDefault(File.Exists) is { } existing)
        {
            reporter.Error(MessageId.CertsOutputExists, new SourceLocation(existing), existing);
            return ExitCodes.Findings;
        }

        var names = registries.Select(r => r.Address?.ToString() ?? r.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Back-dated an hour so a guest whose clock lags a little still sees it as valid.
        var (ca, caKey, server, serverKey) = RegistryCertificateFactory.Create(names, request.CaName, request.Rsa, DateTimeOffset.UtcNow.AddHours(-1), 3650, request.Days);
        using (ca)
        using (caKey)
        using (server)
        using (serverKey)
        {
            // All four staged under temporary names first, then renamed: a failure (a full disk) leaves the previous
            // files as they were, never a CA without its key or a truncated key.
            var staged = new List<(string Temporary, string Target)>();
            try
            {
                Directory.CreateDirectory(directory);
                staged.Add(Stage(targets[0], ca.ExportCertificatePem(), secret: false));
                staged.Add(Stage(targets[1], caKey.ExportPkcs8PrivateKeyPem(), secret: true));
                staged.Add(Stage(targets[2], server.ExportCertificatePem(), secret: false));
                staged.Add(Stage(targets[3], serverKey.ExportPkcs8PrivateKeyPem(), secret: true));
                foreach (var (temporary, target) in staged)
                {
                    File.Move(temporary, target, overwrite: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                foreach (var (temporary, _) in staged)
                {
                    File.Delete(temporary);
                }

                reporter.Error(MessageId.OutputWriteFailed, new SourceLocation(directory), directory, e.Message);
                return ExitCodes.Findings;
            }

            // Paths in a project file are relative to the project's folder; outside it, absolute (with a warning).
            var relative = Path.GetRelativePath(projectDirectory, directory).Replace('\\', '/');
            var inside = !(relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative));
            var folder = inside ? (relative == "." ? string.Empty : relative + "/") : directory.Replace('\\', '/') + "/";
            if (!inside)
            {
                reporter.Report(Diagnostic.Create(MessageId.CertsOutsideProject, DiagnosticSeverity.Warning, SourceLocation.None, directory, projectDirectory));
            }

            var lines = ProjectLines(request.Kbs, registries, folder + files[0], folder + files[2]);
            if (request.Json)
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
                    w.WriteString("projectDirectory", projectDirectory);
                    w.WriteStartArray("projectLines");
                    foreach (var line in lines)
                    {
                        w.WriteStringValue(line);
                    }

                    w.WriteEndArray();
                    JsonOutput.WriteFindings(w, Reporter.Reported);
                });
            }
            else
            {
                var o = Reporter.Out;
                o.WriteLine($"Wrote {targets[0]} (CA), {targets[2]} (server, for {string.Join(", ", names)}) and their keys (owner-only).");
                o.WriteLine($"Serve {files[2]} with {files[3]}; keep {files[1]} offline and commit neither key. Paste into {(request.Project is null ? "the project file" : ProjectName(request.Project))}:");
                o.WriteLine();
                foreach (var line in lines)
                {
                    o.WriteLine(line);
                }
            }
        }

        return ExitCodes.Success;
    }

    private static List<string> ProjectLines(bool kbs, IReadOnlyList<RegistryName> servers, string caPath, string serverPath)
    {
        if (kbs)
        {
            return new List<string>
            {
                "<PropertyGroup>",
                $"  <InitDataKbsUrl>https://{servers[0].Text}</InitDataKbsUrl>",
                $"  <InitDataKbsCertificate>{caPath}</InitDataKbsCertificate>",
                "</PropertyGroup>",
            };
        }

        var lines = new List<string> { "<ItemGroup>" };
        lines.AddRange(servers.Select(r => $"  <InitDataRegistry Include=\"{r.Text}\" CertificateAuthority=\"{caPath}\" ServerCertificate=\"{serverPath}\" />"));
        lines.Add("</ItemGroup>");
        return lines;
    }

    private static string ProjectDirectory(string? project)
    {
        var full = Path.GetFullPath(project ?? ".");
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
    }

    private static string ProjectName(string project) => Directory.Exists(project) ? "the project file in " + project : project;

    private sealed record Request(string[] Hosts, string Output, string Name, bool Kbs, string? Project, bool Rsa, string CaName, int Days, bool Force, bool Json);

    // A new temporary file beside the target. A key's is created owner-only from the start, never chmod-ed afterwards,
    // and the rename carries that mode over whatever file was there (--force): no moment where another user can read it.
    private static (string Temporary, string Target) Stage(string target, string pem, bool secret)
    {
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(temporary, options);
            using var writer = new StreamWriter(stream);
            writer.Write(pem + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw;
        }

        return (temporary, target);
    }
}
