using System.ComponentModel;
using System.Diagnostics;
using Coco.InitData.Diagnostics;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Projects;

/// <summary>
/// The framework-dependent coco-initdata.dll in managed/ beside the native executable, run with <c>dotnet exec</c>
/// on the same standard input, output and error (inherited, not copied, so nothing is buffered or re-encoded).
/// </summary>
internal static class ManagedTool
{
    private static string Executable => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    /// <summary>The managed run's exit code, or null after reporting why it could not start.</summary>
    public static int? Run(IReadOnlyList<string> arguments, Reporter reporter)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "managed", "coco-initdata.dll");
        if (!File.Exists(assembly))
        {
            reporter.Error(MessageId.ToolManagedPartMissing, SourceLocation.None, assembly);
            return null;
        }

        var dotnet = FindDotnet();
        if (dotnet is null)
        {
            reporter.Error(MessageId.ToolDotnetNotFound, SourceLocation.None);
            return null;
        }

        var start = new ProcessStartInfo(dotnet) { UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Ctrl+C reaches both processes (one process group): the managed run decides how to stop, and its exit code is still the one passed on.
        ConsoleCancelEventHandler keepWaiting = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += keepWaiting;
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (Win32Exception e)
        {
            reporter.Error(MessageId.ToolDotnetStartFailed, SourceLocation.None, dotnet, e.Message.TrimEnd('.'));
            return null;
        }
        finally
        {
            Console.CancelKeyPress -= keepWaiting;
        }
    }

    /// <summary>As the SDK's own tools look: the dotnet running the current build, then DOTNET_ROOT, then PATH.</summary>
    private static string? FindDotnet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, Executable)))
        {
            return Path.Combine(root, Executable);
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, Executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
