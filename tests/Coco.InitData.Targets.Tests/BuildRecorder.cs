using Microsoft.Build.Framework;

namespace Coco.InitData.Targets.Tests;

/// <summary>A logger that records which targets and tasks ran and what was reported.</summary>
internal sealed class BuildRecorder : ILogger
{
    public List<string> TasksStarted { get; } = new();
    public List<string> TargetsStarted { get; } = new();
    public List<BuildErrorEventArgs> Errors { get; } = new();
    public List<BuildWarningEventArgs> Warnings { get; } = new();
    public List<string> Messages { get; } = new();

    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Normal;
    public string? Parameters { get; set; }

    public void Initialize(IEventSource eventSource)
    {
        eventSource.TaskStarted += (_, e) => TasksStarted.Add(e.TaskName);
        eventSource.TargetStarted += (_, e) => TargetsStarted.Add(e.TargetName);
        eventSource.ErrorRaised += (_, e) => Errors.Add(e);
        eventSource.WarningRaised += (_, e) => Warnings.Add(e);
        eventSource.MessageRaised += (_, e) => Messages.Add(e.Message ?? string.Empty);
    }

    public void Shutdown()
    {
    }
}
