using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Coco.InitData.Tests.Tasks;

/// <summary>The task's <c>Settings</c> parameter as the targets pass it: one item per setting, its value as metadata.</summary>
public static class TaskSettings
{
    public static ITaskItem[] Of(params (string Property, string Value)[] settings) =>
        settings.Select(s => (ITaskItem)new TaskItem(s.Property, new Dictionary<string, string> { ["Value"] = s.Value })).ToArray();
}
