using Coco.InitData.Diagnostics;

namespace Coco.InitData.Artifacts;

/// <summary>
/// Writes artifacts atomically: every file goes to a temporary name beside its target first, and only when
/// all are written are they renamed into place, so a crash or a parallel build never leaves a truncated
/// initdata.toml or a document that disagrees with its annotation.
/// </summary>
public static class ArtifactWriter
{
    /// <summary>The generated folder of node-side files, pruned of files the current generation did not write.</summary>
    public const string NodeFilesFolder = "containerd/certs.d";

    /// <summary>Writes the files under <paramref name="outputDirectory"/>; returns their full paths, or null after reporting CID3003.</summary>
    public static IReadOnlyList<string>? Write(string outputDirectory, IReadOnlyList<ArtifactFile> files, DiagnosticBag diagnostics)
    {
        var staged = new List<(string Temp, string Target)>();
        try
        {
            foreach (var file in files)
            {
                var target = Path.GetFullPath(Path.Combine(outputDirectory, file.RelativePath));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var temp = target + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
                File.WriteAllBytes(temp, file.Content);
                staged.Add((temp, target));
            }

            foreach (var (temp, target) in staged)
            {
                File.Move(temp, target, overwrite: true);
            }

            RemoveStaleNodeFiles(outputDirectory, staged.Select(s => s.Target));
            return staged.Select(s => s.Target).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            foreach (var (temp, _) in staged)
            {
                TryDelete(temp);
            }

            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(outputDirectory), outputDirectory, e.Message);
            return null;
        }
    }

    // A registry removed from the project must not leave its folder behind: operators copy the whole
    // certs.d folder to nodes. Only that generated subtree is pruned; nothing else in the output is touched.
    private static void RemoveStaleNodeFiles(string outputDirectory, IEnumerable<string> written)
    {
        var root = Path.GetFullPath(Path.Combine(outputDirectory, NodeFilesFolder));
        if (!Directory.Exists(root))
        {
            return;
        }

        var keep = new HashSet<string>(written, StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (!keep.Contains(file))
            {
                TryDelete(file);
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover .tmp is harmless and the next build overwrites the target anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
