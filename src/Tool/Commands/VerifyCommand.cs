using System.CommandLine;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Registries;
using Coco.InitData.Tool.Certificates;
using Coco.InitData.Tool.DigestGate;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Tool.Options;
using Coco.InitData.Tool.Output;
using Coco.InitData.Tool.Projects;

namespace Coco.InitData.Tool.Commands;

/// <summary><c>verify [PROJECT]</c> or <c>verify --ca FILE... [--server-chain FILE --host HOST]</c>: the certificate report; exit 1 on errors.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var project = new Argument<string?>("PROJECT")
        {
            Description = "The project file or its folder (default: the current folder) when no --ca is given. With --expect-digest, the file to check instead: a manifest, an annotation value or an initdata document ('-' or left out: standard input).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var properties = new Option<string[]>("--property", "-p") { Description = "MSBuild properties for the evaluation, as MSBuild reads them: -p:Name=Value, -p:A=1;B=2, /p:Name=Value.", Arity = ArgumentArity.OneOrMore };
        var ca = new Option<string[]>("--ca") { Description = "A CA certificate file (PEM or DER) to check; repeat for several.", Arity = ArgumentArity.OneOrMore };
        var chain = new Option<string?>("--server-chain") { Description = "The chain a registry serves (leaf first, PEM), checked against --ca for --host." };
        var host = new Option<string?>("--host") { Description = "The registry host[:port] the served chain must be valid for (required with --server-chain)." };
        var validationTime = ValidationTimeOption.Create();
        var json = CommonOptions.Json();
        var expectDigest = new Option<string?>("--expect-digest")
        {
            Description = "Check the manifest, annotation value or document named by PROJECT instead of a project: every initdata annotation must carry this digest (sha256:<hex>, or the build's initdata.json).",
        };
        var annotationName = CommonOptions.AnnotationName();
        var command = new Command("verify", "Check certificates as the build does: a project's, or CA files and a registry's served chain; or a manifest's initdata against --expect-digest.")
        {
            project, properties, ca, chain, host, validationTime, json, expectDigest, annotationName,
        };
        command.SetAction(parse =>
        {
            var reporter = new Reporter();
            if (parse.GetValue(expectDigest) is { } expected)
            {
                return DocumentVerification.Run(parse.GetValue(project) ?? "-", expected, parse.GetValue(annotationName),
                    parse.GetValue(validationTime) ?? DateTimeOffset.UtcNow, parse.GetValue(json), reporter);
            }

            var cas = parse.GetValue(ca) ?? Array.Empty<string>();
            if (cas.Length > 0 || parse.GetValue(chain) is not null)
            {
                return VerifyFiles(cas, parse.GetValue(chain), parse.GetValue(host), parse.GetValue(validationTime) ?? DateTimeOffset.UtcNow, parse.GetValue(json), reporter);
            }

            var evaluated = ProjectLoader.Load(parse.GetValue(project), parse.GetValue(properties) ?? Array.Empty<string>(), outputPathNeeded: false, reporter, out var exitCode);
            return evaluated is null ? exitCode : VerifyProject(evaluated, parse.GetValue(json), reporter);
        });
        return command;
    }

    private static int VerifyFiles(string[] cas, string? chainFile, string? hostText, DateTimeOffset at, bool json, Reporter reporter)
    {
        RegistryName? host = null;
        if (chainFile is not null && hostText is null)
        {
            reporter.Error(MessageId.ToolServerChainNeedsHost, SourceLocation.None);
            return ExitCodes.Usage;
        }

        if (chainFile is not null && !RegistryName.TryParse(hostText!, out host, out var problem))
        {
            reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "--host", hostText!, problem);
            return ExitCodes.Usage;
        }

        if (!cas.Concat(chainFile is null ? Array.Empty<string>() : new[] { chainFile }).All(f => InputFile.IsReadable(f, reporter)))
        {
            return ExitCodes.Usage;
        }

        var diagnostics = new DiagnosticBag();
        var anchors = ChainCheck.Load(cas, "--ca", TrustAnchorRole.RegistryCertificateAuthority, diagnostics);
        var served = chainFile is null ? new List<LoadedCertificate>() : ChainCheck.Load(new[] { chainFile }, "--server-chain", TrustAnchorRole.ServedChain, diagnostics);
        var options = ValidationOptions.Default(at);
        var verdicts = ChainCheck.Run(anchors, served, host, options, diagnostics);
        Write(anchors.Concat(served), diagnostics.Items, options, json, verdicts);
        reporter.ReportAll(diagnostics.Items);
        return reporter.ExitCode;
    }

    // The build's own pipeline, stopped before writing: the same findings as the build (a project that declares nothing,
    // items MSBuild dropped, the manifests parsed and annotated in memory).
    private static int VerifyProject(EvaluatedProject project, bool json, Reporter reporter)
    {
        var prepared = InitDataPipeline.Prepare(project.Request(project.OutputPath));
        var certificates = new List<LoadedCertificate>();
        if (prepared.Artifacts is { } a)
        {
            certificates.AddRange(a.ExtraRootCertificates);
            certificates.AddRange(a.Registries.SelectMany(r => r.ServedChain));
            if (a.KbsCertificate is not null)
            {
                certificates.Add(a.KbsCertificate);
            }
        }

        // Judged as the build judges them: the project's InitDataValidationTime and InitDataTlsProfiles, not this instant.
        Write(certificates, prepared.Diagnostics, prepared.Artifacts?.Validation ?? ValidationOptions.Default(DateTimeOffset.UtcNow), json, prepared.Artifacts?.Verdicts);
        reporter.ReportAll(prepared.Diagnostics);
        return reporter.ExitCode;
    }

    /// <summary>The certificate report, as text or one JSON object, with each certificate's verdict per stack when known.</summary>
    /// <param name="certificates">The certificates checked.</param>
    /// <param name="findings">What the checks found.</param>
    /// <param name="options">When and for which stacks they were judged.</param>
    /// <param name="json">True for the JSON object instead of text.</param>
    /// <param name="verdicts">Each certificate's verdict per stack, when known.</param>
    /// <param name="more">Further members of the JSON object (the gate's pod templates).</param>
    public static void Write(IEnumerable<LoadedCertificate> certificates, IReadOnlyList<Diagnostic> findings, ValidationOptions options, bool json, CertificateVerdicts? verdicts = null,
        Action<System.Text.Json.Utf8JsonWriter>? more = null)
    {
        if (json)
        {
            JsonOutput.Write(w =>
            {
                CertificateReport.WriteJson(w, certificates, findings, options, verdicts);
                more?.Invoke(w);
            });
        }
        else
        {
            CertificateReport.WriteText(certificates, findings, options);
        }
    }
}
