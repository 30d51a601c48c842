namespace Coco.InitData.Tool.Output;

/// <summary>
/// A path as the tool prints it: relative to the current folder when it is inside it, absolute otherwise (never a
/// climb of '../..', and never relative to a project folder the user is not in).
/// </summary>
internal static class ShownPath
{
    /// <summary>The full path <paramref name="fullPath"/> as printed.</summary>
    public static string Of(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath).Replace('\\', '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
