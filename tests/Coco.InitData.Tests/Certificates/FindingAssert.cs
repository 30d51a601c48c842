using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Certificates;

/// <summary>Assertions on a certificate finding: code, severity, file and line, and the stacks named.</summary>
internal static class FindingAssert
{
    public static void Is(Diagnostic finding, DiagnosticSeverity severity, string file, int line, string rejectedBy)
    {
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(file, Path.GetFileName(finding.Location.File));
        Assert.Equal(line, finding.Location.Line);
        Assert.Contains($"Rejected by: {rejectedBy}.", finding.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256 ", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", finding.Message, StringComparison.Ordinal);
        Assert.Matches(@"(\d+ days? left|expired \d+ days? ago)\]", finding.Message);
    }
}
