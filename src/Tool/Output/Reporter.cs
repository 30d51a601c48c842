using System.Text;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tool.Output;

/// <summary>
/// Writes findings to standard error in MSBuild's canonical form, so an Exec of the tool in someone else's
/// build fails with the right code. Colour only on a terminal and never with NO_COLOR.
/// </summary>
internal sealed class Reporter
{
    private static readonly List<Diagnostic> ReportedInProcess = new();
    private readonly TextWriter _error;
    private readonly bool _colour;

    public Reporter()
    {
        _error = Console.Error;
        _colour = UseColour(Console.IsErrorRedirected);
    }

    /// <summary>How many errors were reported.</summary>
    public int Errors { get; private set; }

    /// <summary>True when stdout should carry colour.</summary>
    public static bool UseColour(bool redirected) =>
        !redirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>Every finding any reporter printed in this run: the --json fallback object carries them.</summary>
    public static IReadOnlyList<Diagnostic> Reported => ReportedInProcess;

    /// <summary>Reports one finding.</summary>
    public void Report(Diagnostic diagnostic)
    {
        ReportedInProcess.Add(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            Errors++;
        }

        var line = diagnostic.ToCanonicalString();
        if (_colour)
        {
            var code = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "31",
                DiagnosticSeverity.Warning => "33",
                _ => "2",
            };
            line = "\u001b[" + code + "m" + line + "\u001b[0m";
        }

        _error.WriteLine(line);
    }

    /// <summary>Reports every finding.</summary>
    public void ReportAll(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Report(d);
        }
    }

    /// <summary>Reports a finding made here.</summary>
    public void Error(MessageId id, SourceLocation location, params object?[] args) =>
        Report(Diagnostic.Create(id, DiagnosticSeverity.Error, location, args));

    /// <summary>The exit code after these findings: 1 when any error was reported.</summary>
    public int ExitCode => Errors > 0 ? ExitCodes.Findings : ExitCodes.Success;

    /// <summary>Standard output for raw bytes; a failed write raises <see cref="StandardOutputException"/>.</summary>
    public static Stream OutStream { get; } = new StandardOutputStream(Console.OpenStandardOutput());

    /// <summary>Standard output as UTF-8 without BOM and with LF line ends, whatever the platform.</summary>
    public static TextWriter Out { get; } = new StreamWriter(OutStream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
}
