using System.CommandLine;
using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Measurements;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Tool.Options;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Commands;

/// <summary><c>digest FILE|-</c>: the document's digest and each TEE's value of it.</summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var json = CommonOptions.Json();
        var annotationName = CommonOptions.AnnotationName();
        var tees = new Option<string[]>("--tee")
        {
            Description = "Print only this TEE's value: snp, tdx, cca or vtpm; repeat for several (default: all; --json always has all).",
            Arity = ArgumentArity.OneOrMore,
        };
        tees.AcceptOnlyFromAmong(Tees);
        var command = new Command("digest", "Print the digest and per-TEE values (SNP HOST_DATA, TDX MRCONFIGID, CCA RPV, vTPM PCR8) of initdata.")
        {
            input, json, annotationName, tees,
        };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(annotationName), parse.GetValue(json), parse.GetValue(tees) ?? Array.Empty<string>()));
        return command;
    }

    private static readonly string[] Tees = { "snp", "tdx", "cca", "vtpm" };

    private static int Run(string path, string? annotationName, bool json, string[] tees)
    {
        var reporter = new Reporter();
        var document = InitDataInput.LoadValid(path, annotationName, reporter, out var exitCode);
        if (document is null)
        {
            return exitCode;
        }

        var parsed = document.Parsed;

        var measurements = TeeMeasurements.Compute(parsed!.Algorithm, document.DocumentBytes);
        if (json)
        {
            JsonOutput.Write(w =>
            {
                w.WriteString("source", document.Kind.ToString().ToLowerInvariant());
                w.WriteNumber("documentLength", document.DocumentBytes.Length);
                JsonOutput.WriteMeasurements(w, measurements);
            });
        }
        else
        {
            var o = Reporter.Out;
            o.WriteLine($"{measurements.DigestText}");
            foreach (var field in measurements.Fields.Where(f => tees.Length == 0 || tees.Contains(f.Tee)))
            {
                o.WriteLine($"  {field.Tee,-5} {field.Field,-11} hex    {field.Hex}");
                o.WriteLine($"  {string.Empty,-5} {string.Empty,-11} base64 {field.Base64}");
                if (field.Tee == "cca" && tees.Contains("cca") && measurements.Algorithm != DigestAlgorithm.Sha512)
                {
                    // trustee v0.21.0 deps/verifier/src/cca/mod.rs compares the unpadded digest with the 64-byte RPV.
                    o.WriteLine($"  {string.Empty,-5} {string.Empty,-11} note   kata pads the digest to 64 bytes; Trustee's CCA verifier compares the unpadded {measurements.Algorithm.Name} digest with it and refuses the evidence: use sha512 for CCA");
                }
            }

            if (tees.Contains("vtpm") && measurements.Fields.All(f => f.Tee != "vtpm"))
            {
                // The Attestation Agent extends PCR8 only for a sha256 document (TeeMeasurements).
                o.WriteLine($"  {"vtpm",-5} {"PCR8",-11} none   the Attestation Agent extends PCR8 with sha256 documents only, not {measurements.Algorithm.Name}");
            }
        }

        return reporter.ExitCode;
    }
}
