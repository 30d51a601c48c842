using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Coco.InitData.Tests.Tasks;

/// <summary>The task's <c>Settings</c> parameter as the targets pass it: one <c>Name=Value</c> item per setting.</summary>
public static class TaskSettings
{
    // TaskItem takes an escaped item spec, as MSBuild hands the targets' escaped values over: '%' and ';' stay literal.
    public static ITaskItem[] Of(params (string Property, string Value)[] settings) =>
        settings.Select(s => (ITaskItem)new TaskItem(Escape(s.Property + "=" + s.Value))).ToArray();

    private static string Escape(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal);
}
