namespace Coco.InitData.NoOpCost;

/// <summary>One variant of the generated solution: its name (the directory's) and its projects in a stable order.</summary>
internal sealed record Variant(string Name, IReadOnlyList<string> Projects)
{
    public static Variant Load(string directory, int limit)
    {
        var full = Path.GetFullPath(directory);
        var projects = Directory.GetDirectories(full, "W*")
            .Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj"))
            .Where(File.Exists)
            .Take(limit)
            .ToList();
        // build-overhead.sh lays a variant out as VARIANT/solution/W*: name it after VARIANT.
        var name = Path.GetFileName(full) == "solution" ? Path.GetFileName(Path.GetDirectoryName(full)!) : Path.GetFileName(full);
        return new Variant(name, projects);
    }
}
