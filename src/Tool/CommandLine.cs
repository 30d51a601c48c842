using System.CommandLine;
using Coco.InitData.Diagnostics;
using Coco.InitData.SecretDetection;
using Coco.InitData.Tool.Commands;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool;

/// <summary>
/// The command tree, and the one place usage errors (exit code 2), unexpected failures (CID9000) and an
/// unwritable standard output (CID4030, both exit code 3) are reported; with --json, always one JSON object.
/// </summary>
internal static class CommandLine
{
    public static int Run(string[] args)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Print the stack trace of an unexpected error.", Recursive = true };
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
        root.Options.Add(verbose);

        ParseResult? parsed = null;
        var json = false;
        try
        {
            parsed = root.Parse(args);
            if (parsed.CommandResult.Command.Options.Any(o => o.Name == "--property"))
            {
                parsed = root.Parse(PropertySwitch.Normalise(args));
            }

            json = parsed.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--json") is Option<bool> jsonOption && parsed.GetValue(jsonOption);
            var exitCode = Execute(root, parsed);
            // Help and version are text even with --json; every other run that stopped early gets its object.
            if (json && !JsonOutput.Written && exitCode != ExitCodes.Success)
            {
                JsonOutput.WriteFailure(exitCode);
            }

            return exitCode;
        }
#if NATIVE_TOOL
        catch (Projects.ManagedToolExitedException e)
        {
            // The framework-dependent build ran the project command and wrote everything it had to say.
            return e.ExitCode;
        }
#endif
        catch (StandardOutputException e)
        {
            // Nothing more goes to standard output, not even the --json object: it is what failed.
            new Reporter().Report(Diagnostic.Create(MessageId.ToolStandardOutputFailed, DiagnosticSeverity.Error, SourceLocation.None, e.Message.TrimEnd('.')));
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of ours: one coded line naming what was run (a credential in it masked); the stack trace only when asked for.
            new Reporter().Report(Diagnostic.Create(MessageId.UnexpectedFailure, DiagnosticSeverity.Error, SourceLocation.None,
                "coco-initdata " + string.Join(' ', args.Select(a => InlineSecrets.Find(a) is null ? a : InlineSecrets.Redact(a))), FailureOrigin.Describe(e)));
            if (parsed?.GetValue(verbose) ?? args.Contains("--verbose"))
            {
                Console.Error.WriteLine(e.ToString());
            }

            if (json && !JsonOutput.Written)
            {
                try
                {
                    JsonOutput.WriteFailure(ExitCodes.Failure);
                }
                catch (StandardOutputException)
                {
                    // Already reported as the failure it is.
                }
            }

            return ExitCodes.Failure;
        }
    }

    private static int Execute(RootCommand root, ParseResult parsed)
    {
        if (UnknownArguments.Find(parsed) is { } unknown)
        {
            new Reporter().Report(unknown);
            return ExitCodes.Usage;
        }

        // No command (or a group such as 'certs' alone): its help, as git and dotnet print theirs, and exit code 2, since
        // nothing was done (git exits 1, dotnet 129; 1 is this tool's code for findings).
        if (parsed.Errors.Count > 0 && parsed.CommandResult.Command is { Action: null, Subcommands.Count: > 0 } && parsed.UnmatchedTokens.Count == 0)
        {
            var help = root.Parse(parsed.Tokens.Select(t => t.Value).Append("--help").ToArray());
            help.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = Reporter.Out });
            return ExitCodes.Usage;
        }

        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command;
            var path = command == root ? string.Empty : UnknownArguments.CommandText(command)["coco-initdata ".Length..] + " ";
            var reporter = new Reporter();
            foreach (var error in parsed.Errors)
            {
                reporter.Report(Diagnostic.Create(MessageId.ToolUsage, DiagnosticSeverity.Error, SourceLocation.None, error.Message, path));
            }

            return ExitCodes.Usage;
        }

        // The library's own handler would print "Unhandled exception:" with a stack trace and exit 1, the code of
        // a finding: exceptions come to Run instead. Help goes through the same guarded standard output.
        return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = Reporter.Out });
    }
}
