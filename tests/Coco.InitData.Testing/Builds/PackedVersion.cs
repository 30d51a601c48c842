using System.Text.RegularExpressions;

namespace Coco.InitData.Testing;

/// <summary>
/// The version a pack wrote, read from the package's file name in the feed folder: the version comes from git
/// (tags and height), so a test reads it rather than assume one.
/// </summary>
public static partial class PackedVersion
{
    /// <summary>The version of package <paramref name="id"/> in <paramref name="feed"/>; fails unless exactly one is there.</summary>
    public static string Of(string feed, string id)
    {
        var versions = Directory.GetFiles(feed, id + ".*.nupkg")
            .Select(path => Path.GetFileName(path)[(id.Length + 1)..^".nupkg".Length])
            .Where(rest => VersionText().IsMatch(rest)) // Coco.InitData.Tool.any.* is another package than Coco.InitData.Tool.*
            .ToList();
        return versions.Count == 1
            ? versions[0]
            : throw new InvalidOperationException($"expected one {id} package in {feed}, found {versions.Count}: {string.Join(", ", versions)}");
    }

    // A NuGet version: digits first (a package id's next segment never starts with one here).
    [GeneratedRegex(@"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionText();
}
