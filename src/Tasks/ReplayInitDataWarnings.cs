namespace Coco.InitData.Tasks;

/// <summary>
/// Logs again the warnings of the last generation on a build that skipped it (the targets run this only when the
/// stamp's warnings file exists): with their codes and locations, so NoWarn and WarningsAsErrors apply as they did.
/// </summary>
public sealed class ReplayInitDataWarnings : Microsoft.Build.Utilities.Task
{
    /// <summary>The recorded warnings (<c>$(_InitDataStamp).warnings</c>).</summary>
    [Microsoft.Build.Framework.Required]
    public string WarningsFile { get; set; } = string.Empty;

    /// <inheritdoc />
    public override bool Execute()
    {
        foreach (var warning in RecordedWarnings.Read(WarningsFile))
        {
            DiagnosticLogger.Log(Log, warning);
        }

        return !Log.HasLoggedErrors;
    }
}
