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
}
