namespace Coco.InitData.Tool.Output;

/// <summary>
/// What CID9000 says about an unexpected exception: its type, the method that threw it and the code of ours that
/// called it ("FileNotFoundException in Interop.Sys.GetCwdHelper (from Commands.GenerateCommand): ..."), read from the stack
/// trace text, which both the framework-dependent and the native build carry.
/// </summary>
internal static class FailureOrigin
{
    /// <summary>The exception's type, where it came from when the stack trace says, and its message.</summary>
    public static string Describe(Exception exception)
    {
        var frames = (exception.StackTrace ?? string.Empty).Split('\n').Select(Method).OfType<string>().ToList();
        var origin = frames.Count == 0 ? string.Empty : " in " + frames[0];
        var ours = frames.FirstOrDefault(f => f.StartsWith("Coco.InitData.", StringComparison.Ordinal));
        if (ours is not null && ours != frames[0])
        {
            origin += " (from " + string.Join('.', ours.Split('.')[^2..]) + ")";
        }

        return exception.GetType().Name + origin + ": " + exception.Message.TrimEnd('.');
    }

    // "   at Interop.Sys.GetCwdHelper(Byte* ptr, Int32 bufferSize) in ...": the method's name, without the parts the
    // compiler made up for lambdas and closures ("<>c__DisplayClass0_0", "<Create>b__0"); null for other lines.
    private static string? Method(string line)
    {
        var text = line.Trim();
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (!text.StartsWith("at ", StringComparison.Ordinal) || open < 0)
        {
            return null;
        }

        var parts = text[3..open].Split('.').Where(p => p.Length > 0 && !p.Contains('<', StringComparison.Ordinal)).ToList();
        return parts.Count == 0 ? null : string.Join('.', parts);
    }
}
