using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;
using Coco.InitData.Tool.Certificates;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Tool.Options;
using Coco.InitData.Tool.Output;
using Coco.InitData.Tool.Probing;

namespace Coco.InitData.Tool.Commands;

/// <summary><c>probe HOST[:PORT] [--ca FILE...] [--insecure]</c>: the chain a live registry serves, judged by the same rules, and whether /v2/ answers.</summary>
internal static class ProbeCommand
{
    public static Command Create()
    {
        var host = new Argument<string>("HOST") { Description = "The registry: host[:port], IPv4 or [IPv6] (port 443, or 80 with --insecure)." };
        var ca = new Option<string[]>("--ca") { Description = "The CA certificate(s) the registry's chain must lead to (default: the system trust store, SSL_CERT_FILE and SSL_CERT_DIR as OpenSSL reads them).", Arity = ArgumentArity.OneOrMore };
        var insecure = new Option<bool>("--insecure") { Description = "Plain HTTP: no TLS." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds for the whole probe (1-120).", DefaultValueFactory = _ => 10 };
        var validationTime = ValidationTimeOption.Create();
        var json = CommonOptions.Json();
        var command = new Command("probe", "Contact a live registry: check the chain it serves for its name against the given CAs, and ask GET /v2/.")
        {
            host, ca, insecure, timeout, validationTime, json,
        };
        command.SetAction((parse, _) => RunAsync(parse.GetValue(host)!, parse.GetValue(ca) ?? Array.Empty<string>(), parse.GetValue(insecure), parse.GetValue(timeout),
            parse.GetValue(validationTime) ?? DateTimeOffset.UtcNow, parse.GetValue(json)));
        return command;
    }

    private static async Task<int> RunAsync(string hostText, string[] caFiles, bool insecure, int timeoutSeconds, DateTimeOffset at, bool json)
    {
        var reporter = new Reporter();
        if (!RegistryName.TryParse(hostText, out var registry, out var problem) || registry!.Path.Length > 0 || registry.IsWildcard)
        {
            reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "HOST", hostText, problem.Length > 0 ? problem : "give host[:port] without a path or wildcard");
            return ExitCodes.Usage;
        }

        if (timeoutSeconds is < 1 or > 120)
        {
            reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "--timeout", timeoutSeconds, "use 1 to 120 seconds");
            return ExitCodes.Usage;
        }

        if (!caFiles.All(f => InputFile.IsReadable(f, reporter)))
        {
            return ExitCodes.Usage;
        }

        var diagnostics = new DiagnosticBag();
        var anchors = ChainCheck.Load(caFiles, "--ca", TrustAnchorRole.RegistryCertificateAuthority, diagnostics);
        var port = registry.Port ?? (insecure ? 80 : 443);
        var target = $"{registry.HostForTls}:{port}";
        var result = await RegistryProbe.RunAsync(registry, port, insecure, TimeSpan.FromSeconds(timeoutSeconds), diagnostics).ConfigureAwait(false);
        var served = new List<LoadedCertificate>();
        var options = ValidationOptions.Default(at);
        if (result is not null && !insecure)
        {
            served = Served(result, target);
            var trustedBy = "the given certificate authorities";
            var anchorCertificates = anchors.Select(a => X509CertificateLoader.LoadCertificate(a.Der)).ToList();
            if (caFiles.Length == 0)
            {
                // No --ca: the system trust store as OpenSSL and .NET read it; the rules judge the roots that could issue the served chain.
                var store = SystemTrustStore.FromEnvironment(Environment.GetEnvironmentVariable);
                var all = store.Load();
                anchors = SystemTrustStore.Issuing(all, served);
                trustedBy = store.Describe(all.Count);
                options = options with { AnchorSource = trustedBy };
                diagnostics.Warning(MessageId.ProbeNoTrustAnchor, SourceLocation.None, target, trustedBy);
            }

            HandshakeVerdict.Check(result, anchorCertificates, trustedBy, registry, target, at, diagnostics);
            ChainCheck.Run(anchors, served, registry, options, diagnostics);
        }

        if (result?.V2Status is { } status && status is not (200 or 401))
        {
            diagnostics.Error(MessageId.ProbeNotRegistry, SourceLocation.None, target, status);
        }

        Write(registry, target, insecure, result, anchors, served, diagnostics.Items, options, json);
        reporter.ReportAll(diagnostics.Items);
        return reporter.ExitCode;
    }

    // The wire certificates as the engine's type, named after where they came from.
    private static List<LoadedCertificate> Served(ProbeResult result, string target)
    {
        var served = new List<LoadedCertificate>();
        for (var i = 0; i < result.ServedChain.Count; i++)
        {
            var der = result.ServedChain[i].RawData;
            if (CertificateFileLoader.TryParse(der, out var certificate, out _))
            {
                var where = $"{target} (served certificate {i + 1})";
                served.Add(new LoadedCertificate(der, certificate!, new SourceLocation(where), where, TrustAnchorRole.ServedChain));
            }
        }

        return served;
    }

    private static void Write(RegistryName registry, string target, bool insecure, ProbeResult? result, IReadOnlyList<LoadedCertificate> anchors,
        IReadOnlyList<LoadedCertificate> served, IReadOnlyList<Diagnostic> findings, ValidationOptions options, bool json)
    {
        var answers = result?.V2Status is 200 or 401;
        if (json)
        {
            JsonOutput.Write(w =>
            {
                w.WriteString("registry", registry.Text);
                w.WriteString("target", target);
                w.WriteBoolean("tls", !insecure);
                w.WriteBoolean("connected", result is not null);
                w.WriteString("protocol", result?.Protocol);
                if (result?.V2Status is { } status)
                {
                    w.WriteNumber("v2Status", status);
                }
                else
                {
                    w.WriteNull("v2Status");
                }

                w.WriteBoolean("registryAnswers", answers);
                CertificateReport.WriteJson(w, anchors.Concat(served), findings, options);
            });
            return;
        }

        var o = Reporter.Out;
        o.WriteLine($"probe {target} ({(insecure ? "plain HTTP" : "TLS")})");
        if (result is null)
        {
            o.WriteLine("not connected");
            return;
        }

        o.WriteLine($"connected in {(int)result.ConnectTime.TotalMilliseconds} ms{(result.Protocol is null ? string.Empty : ", " + result.Protocol)}");
        if (!insecure)
        {
            o.WriteLine($"served chain: {served.Count} certificate(s)");
            CertificateReport.WriteText(anchors.Concat(served), findings, options);
        }

        o.WriteLine(result.V2Status is { } s ? $"GET /v2/: HTTP {s}{(answers ? " (a registry answers)" : string.Empty)}" : "GET /v2/: no HTTP answer");
    }
}
