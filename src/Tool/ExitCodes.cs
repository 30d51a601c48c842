namespace Coco.InitData.Tool;

/// <summary>The documented exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Findings: an error in the input, or a failed check.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage: unknown option, missing argument, an input that cannot be read.</summary>
    public const int Usage = 2;

    /// <summary>The tool could not finish: an unexpected error (CID9000, a bug) or standard output could not be written (CID4030).</summary>
    public const int Failure = 3;
}
