using Coco.InitData.Diagnostics;
using Microsoft.Build.Utilities;

namespace Coco.InitData.Tasks;

/// <summary>Logs engine findings through MSBuild with their code and location, so NoWarn and WarningsAsErrors apply to them.</summary>
internal static class DiagnosticLogger
{
    public static void Log(TaskLoggingHelper log, Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var file = location.File.Length == 0 ? null : location.File;
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                log.LogError(null, diagnostic.Code, null, file, location.Line, location.Column, 0, 0, diagnostic.Message);
                break;
            case DiagnosticSeverity.Warning:
                log.LogWarning(null, diagnostic.Code, null, file, location.Line, location.Column, 0, 0, diagnostic.Message);
                break;
            default:
                log.LogMessage(null, diagnostic.Code, null, file, location.Line, location.Column, 0, 0, Microsoft.Build.Framework.MessageImportance.Normal, diagnostic.Message);
                break;
        }
    }
}
