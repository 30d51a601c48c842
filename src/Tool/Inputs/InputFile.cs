using Coco.InitData.Diagnostics;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Inputs;

/// <summary>
/// A file named on the command line, or standard input for '-', read by the engine's <see cref="InputFiles"/> with its
/// codes (CID1008, CID1009, CID1015, CID1016): a front end of the same reader the build uses.
/// </summary>
internal static class InputFile
{
    /// <summary>Larger inputs are refused: a manifest or annotation of this size cannot be applied to Kubernetes anyway.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The name standard input is shown as.</summary>
    public const string StandardInputName = "<stdin>";

    // How the messages name a file the user handed the tool ("Input file 'x' was not found").
    private const string Kind = "Input";

    /// <summary>The bytes, or null after reporting why not (bad usage: exit code 2).</summary>
    public static byte[]? Read(string path, Reporter reporter, out string displayPath)
    {
        displayPath = path == "-" ? StandardInputName : path;
        var findings = new DiagnosticBag();
        byte[] bytes;
        var read = path == "-"
            ? ReadStandardInput(findings, out bytes)
            : InputFiles.TryReadBytes(Path.GetFullPath(path), path, Kind, new SourceLocation(path), MaxBytes, findings, out bytes);
        reporter.ReportAll(findings.Items);
        return read ? bytes : null;
    }

    /// <summary>True when <paramref name="path"/> is a regular file; otherwise reports why not (CID1008, CID1015, CID1016).</summary>
    public static bool IsReadable(string path, Reporter reporter)
    {
        var findings = new DiagnosticBag();
        var readable = InputFiles.CheckRegularFile(Path.GetFullPath(path), path, Kind, new SourceLocation(path), findings);
        reporter.ReportAll(findings.Items);
        return readable;
    }

    private static bool ReadStandardInput(DiagnosticBag findings, out byte[] bytes)
    {
        using var stdin = Console.OpenStandardInput();
        return InputFiles.TryReadStream(stdin, StandardInputName, Kind, new SourceLocation(StandardInputName), MaxBytes, findings, out bytes);
    }
}
