using System.Text.Json;
using Coco.InitData.Tests.Fixtures;

namespace Coco.InitData.Tool.Tests.Infrastructure;

/// <summary>Runs the Python oracles under scripts/.</summary>
public static class Python
{
    public static ProcessResult Run(string script, params string[] arguments) =>
        ProcessRunner.Run("python3", new[] { Path.Combine(AppContext.BaseDirectory, "scripts", script) }.Concat(arguments), timeout: TimeSpan.FromMinutes(1));

    public static JsonElement Json(string script, params string[] arguments)
    {
        var result = Run(script, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 {script} failed:\n{result.Output}");
        }

        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }
}
