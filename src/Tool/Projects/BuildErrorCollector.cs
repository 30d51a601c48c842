using Microsoft.Build.Framework;

namespace Coco.InitData.Tool.Projects;

/// <summary>Keeps the errors of a target the tool runs on an evaluated project, so it can report them with its own code.</summary>
internal sealed class BuildErrorCollector : ILogger
{
    public List<BuildErrorEventArgs> Errors { get; } = new();

    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Quiet;

    public string? Parameters { get; set; }

    public void Initialize(IEventSource eventSource) => eventSource.ErrorRaised += (_, e) => Errors.Add(e);

    public void Shutdown()
    {
    }
}
