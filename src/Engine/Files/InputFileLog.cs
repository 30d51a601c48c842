namespace Coco.InitData;

/// <summary>
/// The input files one generation opened, recorded by <see cref="InputFiles"/> where it opens them, with no second list
/// to keep in step with the loaders. The build's targets name their Inputs from the declarations instead (a no-op build
/// must not read a recorded list), and a targets test checks them against this record.
/// </summary>
/// <remarks>
/// Ambient (an <see cref="AsyncLocal{T}"/> scope) rather than a parameter, because every loader already funnels through
/// <see cref="InputFiles.TryReadBytes"/> and none of them should care who is listening. Scopes nest per async flow, so
/// two builds running tasks in one MSBuild node never see each other's files; outside a scope nothing is recorded.
/// </remarks>
internal sealed class InputFileLog : IDisposable
{
    private static readonly AsyncLocal<InputFileLog?> CurrentScope = new();
    private readonly InputFileLog? _outer;
    private readonly List<string> _files = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private InputFileLog(InputFileLog? outer) => _outer = outer;

    /// <summary>The full paths opened (or looked for: a missing file is an input too), first use first, without repeats.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Starts recording for the current flow until the scope is disposed.</summary>
    public static InputFileLog Begin() => CurrentScope.Value = new InputFileLog(CurrentScope.Value);

    /// <summary>Records a file in the current scope, if there is one.</summary>
    internal static void Record(string fullPath)
    {
        if (CurrentScope.Value is { } log && log._seen.Add(fullPath))
        {
            log._files.Add(fullPath);
        }
    }

    /// <inheritdoc />
    public void Dispose() => CurrentScope.Value = _outer;
}
