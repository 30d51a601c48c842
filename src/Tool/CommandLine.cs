using System.CommandLine;
using Coco.InitData.Diagnostics;
using Coco.InitData.Tool.Commands;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool;

/// <summary>The command tree, and the one place parse errors become CID4001 with exit code 2.</summary>
internal static class CommandLine
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Confidential Containers initdata: generate, check, inspect and deliver it.")
        {
            GenerateCommand.Create(),
            VerifyCommand.Create(),
            DigestCommand.Create(),
            DecodeCommand.Create(),
            InspectCommand.Create(),
            AnnotateCommand.Create(),
            ProbeCommand.Create(),
            CertsCommand.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command;
            var path = command == root ? string.Empty : CommandPath(command) + " ";
            var reporter = new Reporter();
            foreach (var error in parsed.Errors)
            {
                reporter.Report(Diagnostic.Create(MessageId.ToolUsage, DiagnosticSeverity.Error, SourceLocation.None, error.Message, path));
            }

            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of ours: a coded message naming what was run, never a stack trace.
            new Reporter().Report(Diagnostic.Create(MessageId.UnexpectedFailure, DiagnosticSeverity.Error, SourceLocation.None,
                "coco-initdata " + string.Join(' ', args), e.GetType().Name + ": " + e.Message));
            return ExitCodes.Findings;
        }
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null && c is not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names);
    }
}
