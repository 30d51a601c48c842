using System.CommandLine;
using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Measurements;
using Coco.InitData.Tool.Inputs;
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
        var command = new Command("digest", "Print the digest and per-TEE values (SNP HOST_DATA, TDX MRCONFIGID, CCA RPV, vTPM PCR8) of initdata.")
        {
            input, json, annotationName,
        };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(annotationName), parse.GetValue(json)));
        return command;
    }

    private static int Run(string path, string? annotationName, bool json)
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
            o.WriteLine($"{measurements.Algorithm.Name}:{measurements.DigestHex}");
            foreach (var field in measurements.Fields)
            {
                o.WriteLine($"  {field.Tee,-5} {field.Field,-11} hex    {field.Hex}");
                o.WriteLine($"  {string.Empty,-5} {string.Empty,-11} base64 {field.Base64}");
                if (field.Tee == "cca" && measurements.Algorithm != DigestAlgorithm.Sha512)
                {
                    // trustee v0.21.0 deps/verifier/src/cca/mod.rs compares the unpadded digest with the 64-byte RPV.
                    o.WriteLine($"  {string.Empty,-5} {string.Empty,-11} note   kata pads the digest to 64 bytes; Trustee's CCA verifier compares the unpadded {measurements.Algorithm.Name} digest with it and refuses the evidence: use sha512 for CCA");
                }
            }
        }

        return reporter.ExitCode;
    }
}
