namespace Coco.InitData.Testing;

/// <summary>The outcome of a process a test ran.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;
}
