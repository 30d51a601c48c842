namespace Coco.InitData.Diagnostics;

/// <summary>How serious a finding is. Errors stop generation; warnings and notes do not.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational: reported at normal verbosity, never fails anything.</summary>
    Note,

    /// <summary>Reported; fails the build only under WarningsAsErrors.</summary>
    Warning,

    /// <summary>Fails the build and prevents any artifact from being written.</summary>
    Error,
}
