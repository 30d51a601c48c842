namespace Coco.InitData.Tool.Projects;

/// <summary>
/// The framework-dependent coco-initdata ran the whole command and wrote its own output (its one JSON object too):
/// this run only passes its exit code on, past the handling that would write a second --json object.
/// </summary>
internal sealed class ManagedToolExitedException : Exception
{
    public ManagedToolExitedException(int exitCode)
        : base("The framework-dependent coco-initdata ran the command and exited with " + exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".")
    {
        ExitCode = exitCode;
    }

    /// <summary>The managed run's exit code, which becomes this run's.</summary>
    public int ExitCode { get; }
}
