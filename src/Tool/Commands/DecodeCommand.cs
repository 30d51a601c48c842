using System.CommandLine;
using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Tool.Options;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Commands;

/// <summary><c>decode FILE|-</c>: the exact TOML bytes inside an annotation value or a manifest.</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var annotationName = CommonOptions.AnnotationName();
        var output = new Option<string?>("--output", "-o") { Description = "Write the document to this file instead of standard output." };
        var command = new Command("decode", "Print the exact initdata TOML carried by an annotation value or a manifest.")
        {
            input, annotationName, output,
        };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(annotationName), parse.GetValue(output)));
        return command;
    }

    private static int Run(string path, string? annotationName, string? output)
    {
        var reporter = new Reporter();
        var document = InitDataInput.Load(path, annotationName, reporter, out var exitCode);
        if (document is null)
        {
            return exitCode;
        }

        if (output is null)
        {
            // Raw bytes: the digest of what is printed is the digest of the document.
            Reporter.OutStream.Write(document.DocumentBytes);
            Reporter.OutStream.Flush();
            return reporter.ExitCode;
        }

        if (Directory.Exists(output))
        {
            reporter.Error(MessageId.ToolOutputIsDirectory, SourceLocation.None, output, Path.Combine(output, "initdata.toml"));
            return ExitCodes.Usage;
        }

        // A temporary file and one rename: a full disk leaves the previous file as it was, never a truncated one.
        var write = new DiagnosticBag();
        AtomicFile.Write(output, document.DocumentBytes, write);
        reporter.ReportAll(write.Items);
        return reporter.ExitCode;
    }
}
