namespace Coco.InitData.Testing;

/// <summary>The real programs the tests drive (servers, clients, compilers of oracles), found on PATH (.ci/run installs them from Debian).</summary>
public static class RealTools
{
    /// <summary>The Debian package that provides each program.</summary>
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["docker-registry"] = "docker-registry",
        ["skopeo"] = "skopeo",
        ["python3"] = "python3",
        ["containerd"] = "containerd",
        ["ctr"] = "containerd",
    };

    /// <summary>The full path of a program, or null.</summary>
    public static string? Find(string program)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Why the test cannot run here (missing programs and the packages that provide them), or null.</summary>
    public static string? MissingReason(params string[] programs)
    {
        var missing = programs.Where(p => Find(p) is null).ToList();
        return missing.Count == 0
            ? null
            : $"needs {string.Join(", ", missing)} on PATH (Debian: apt-get install {string.Join(' ', missing.Select(m => Packages[m]).Distinct())}; .ci/run installs them)";
    }
}
