using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;
using Coco.InitData.Tool.Certificates;
using Coco.InitData.Tool.Options;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Commands;

/// <summary><c>certs create --host HOST[:PORT]... -o DIR [--name NAME] [--kbs] [--ca-cert CA --ca-key KEY]</c>: a CA (or an existing one) and a server certificate, and the project lines to paste.</summary>
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
        var caName = new Option<string?>("--ca-name") { Description = "The new CA's common name (default: coco-initdata CA for HOST, after the first --host)." };
        var caCert = new Option<string?>("--ca-cert") { Description = "Issue the server certificate from this existing CA (PEM) instead of creating one: the CA, the digest and every node's ca.crt stay as they are. Needs --ca-key." };
        var caKey = new Option<string?>("--ca-key") { Description = "The private key of --ca-cert (unencrypted PEM)." };
        var days = new Option<int>("--days") { Description = "Days the server certificate is valid (the CA: ten years).", DefaultValueFactory = _ => 365 };
        var force = new Option<bool>("--force") { Description = "Overwrite existing files." };
        var json = CommonOptions.Json();
        var create = new Command("create", "Create a private CA and a server certificate (a registry's or the KBS's) every guest and node TLS stack accepts.")
        {
            hosts, output, name, kbs, project, rsa, caName, caCert, caKey, days, force, json,
        };
        create.SetAction(parse =>
        {
            var isKbs = parse.GetValue(kbs);
            var stem = parse.GetValue(name) ?? (isKbs ? "kbs" : "registry");
            var request = new Request(parse.GetValue(hosts)!, parse.GetValue(output)!, stem, isKbs, parse.GetValue(project), parse.GetValue(rsa),
                parse.GetValue(caName), parse.GetValue(caCert), parse.GetValue(caKey), parse.GetValue(days), parse.GetValue(force), parse.GetValue(json));
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

        if ((request.CaCert is null) != (request.CaKey is null))
        {
            reporter.Error(MessageId.CertsCaOptionsIncomplete, SourceLocation.None, request.CaCert is null ? "--ca-key" : "--ca-cert", request.CaCert is null ? "--ca-cert" : "--ca-key");
            return ExitCodes.Usage;
        }

        if (request.CaCert is not null && request.CaName is not null)
        {
            reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "--ca-name", request.CaName, "it names a new CA, and --ca-cert gives an existing one");
            return ExitCodes.Usage;
        }

        var projectDirectory = ProjectDirectory(request.Project);
        var directory = Path.GetFullPath(request.Output);
        var existingCa = request.CaCert is not null;
        var files = existingCa
            ? new[] { request.Name + ".pem", request.Name + ".key" }
            : new[] { request.Name + "-ca.pem", request.Name + "-ca.key", request.Name + ".pem", request.Name + ".key" };
        var targets = files.Select(f => Path.Combine(directory, f)).ToArray();
        if (!request.Force && targets.FirstOrDefault(File.Exists) is { } existing)
        {
            reporter.Error(MessageId.CertsOutputExists, new SourceLocation(existing), existing);
            return ExitCodes.Findings;
        }

        var names = registries.Select(r => r.Address?.ToString() ?? r.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Back-dated an hour so a guest whose clock lags a little still sees it as valid.
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        X509Certificate2 ca;
        AsymmetricAlgorithm caKey;
        X509Certificate2 server;
        AsymmetricAlgorithm serverKey;
        if (existingCa)
        {
            if (ExistingCertificateAuthority.Load(request.CaCert!, request.CaKey!, DateTimeOffset.UtcNow, reporter) is not { } loaded)
            {
                return ExitCodes.Findings;
            }

            (ca, caKey) = loaded;
            (server, serverKey) = RegistryCertificateFactory.Issue(names, ca, caKey, request.Rsa, notBefore > ca.NotBefore.ToUniversalTime() ? notBefore : ca.NotBefore.ToUniversalTime(), request.Days);
        }
        else
        {
            (ca, caKey, server, serverKey) = RegistryCertificateFactory.Create(names, request.CaName ?? RegistryCertificateFactory.DefaultCaName(registries[0].Text), request.Rsa, notBefore, 3650, request.Days);
        }

        using (ca)
        using (caKey)
        using (server)
        using (serverKey)
        {
            // Paths in a project file are relative to the project's folder; outside it, absolute (with a warning when
            // there is a project the lines are for).
            var inside = IsInside(projectDirectory, directory);
            var keysIgnored = inside ? Path.Combine(directory, ".gitignore") : null;

            // All files staged under temporary names first, then renamed: a failure (a full disk) leaves the previous
            // files as they were, never a CA without its key or a truncated key.
            var staged = new List<(string Temporary, string Target)>();
            try
            {
                Directory.CreateDirectory(directory);
                if (!existingCa)
                {
                    staged.Add(Stage(targets[0], ca.ExportCertificatePem(), secret: false));
                    staged.Add(Stage(targets[1], caKey.ExportPkcs8PrivateKeyPem(), secret: true));
                }

                staged.Add(Stage(targets[^2], server.ExportCertificatePem(), secret: false));
                staged.Add(Stage(targets[^1], serverKey.ExportPkcs8PrivateKeyPem(), secret: true));
                if (keysIgnored is not null && KeyIgnoreFile.Updated(keysIgnored, files.Where(f => f.EndsWith(".key", StringComparison.Ordinal))) is { } ignore)
                {
                    staged.Add(Stage(keysIgnored, ignore, secret: false));
                }

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

            var caFile = existingCa ? Path.GetFullPath(request.CaCert!) : targets[0];
            var hasProject = request.Project is not null || ProjectFiles(projectDirectory).Any();
            foreach (var folder in new[] { directory, Path.GetDirectoryName(caFile)! }.Distinct().Where(f => hasProject && !IsInside(projectDirectory, f)))
            {
                reporter.Report(Diagnostic.Create(MessageId.CertsOutsideProject, DiagnosticSeverity.Warning, SourceLocation.None, folder, projectDirectory));
            }

            var lines = ProjectLines(request.Kbs, registries, PathInProject(projectDirectory, caFile), PathInProject(projectDirectory, targets[^2]));
            if (request.Json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteString("certificateAuthority", caFile);
                    if (!existingCa)
                    {
                        w.WriteString("certificateAuthorityKey", targets[1]);
                    }

                    w.WriteString("serverCertificate", targets[^2]);
                    w.WriteString("serverKey", targets[^1]);
                    w.WriteString("certificateAuthoritySha256", ca.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant());
                    w.WriteString("serverSha256", server.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant());
                    w.WriteString("notAfter", server.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteString("projectDirectory", projectDirectory);
                    if (keysIgnored is not null)
                    {
                        w.WriteString("gitignore", keysIgnored);
                    }

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
                // Paths from the current folder, where the user is; the lines to paste below are the project's.
                var shown = targets.Select(ShownPath.Of).ToArray();
                var keyFiles = existingCa ? shown[1] : $"{shown[1]} offline and commit neither key";
                o.WriteLine(existingCa
                    ? $"Wrote {shown[0]} (server, for {string.Join(", ", names)}, issued by '{ca.Subject}' from {ShownPath.Of(caFile)}, which is unchanged) and its key (owner-only)."
                    : $"Wrote {shown[0]} (CA '{ca.Subject}'), {shown[2]} (server, for {string.Join(", ", names)}) and their keys (owner-only).");
                o.WriteLine(existingCa
                    ? $"Serve {shown[0]} with {shown[1]}, and never commit the key."
                    : $"Serve {shown[2]} with {shown[3]}; keep {keyFiles}.");
                if (keysIgnored is not null)
                {
                    o.WriteLine($"{ShownPath.Of(keysIgnored)} keeps the keys out of git.");
                }

                o.WriteLine($"Paste into {(request.Project is null ? "the project file" : ProjectName(request.Project))}:");
                o.WriteLine();
                foreach (var line in lines)
                {
                    o.WriteLine(line);
                }
            }
        }

        return ExitCodes.Success;
    }

    // True when the folder is the project's folder or below it.
    private static bool IsInside(string projectDirectory, string directory)
    {
        var relative = Path.GetRelativePath(projectDirectory, directory).Replace('\\', '/');
        return !(relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    // A file as the project names it: relative to its folder when inside it, else absolute.
    private static string PathInProject(string projectDirectory, string file) =>
        (IsInside(projectDirectory, Path.GetDirectoryName(file)!) ? Path.GetRelativePath(projectDirectory, file) : file).Replace('\\', '/');

    private static IEnumerable<string> ProjectFiles(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*.*proj") : Enumerable.Empty<string>();

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

        // A registry is reached with credentials and policy from the KBS: a build with registries needs its URL.
        var lines = new List<string>
        {
            "<PropertyGroup>",
            "  <!-- your Trustee KBS (or <InitDataKbcName>offline_fs_kbc</InitDataKbcName> without one) -->",
            "  <InitDataKbsUrl>https://kbs.example.internal:8080</InitDataKbsUrl>",
            "</PropertyGroup>",
            "<ItemGroup>",
        };
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

    private sealed record Request(string[] Hosts, string Output, string Name, bool Kbs, string? Project, bool Rsa, string? CaName, string? CaCert, string? CaKey, int Days, bool Force, bool Json);

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
