using System.Collections.Concurrent;
using System.ComponentModel;

namespace Coco.InitData.Testing;

/// <summary>
/// The real programs the tests drive (servers, clients, compilers of oracles), each proven by running it once: a
/// program that is on PATH but cannot run (a rustup or pyenv shim without a toolchain for this user) counts as
/// missing, and the next one of that name on PATH (Debian's in /usr/bin) is tried. .ci/run installs them all.
/// </summary>
public static class RealTools
{
    /// <summary>The Debian package of each program and the arguments that prove it runs.</summary>
    private static readonly Dictionary<string, (string Package, string[] Probe)> Known = new(StringComparer.Ordinal)
    {
        ["docker-registry"] = ("docker-registry", new[] { "--version" }),
        ["skopeo"] = ("skopeo", new[] { "--version" }),
        ["python3"] = ("python3 python3-yaml", new[] { "-c", "import tomllib, yaml" }),
        ["containerd"] = ("containerd", new[] { "--version" }),
        ["ctr"] = ("containerd", new[] { "--version" }),
        ["go"] = ("golang-go", new[] { "version" }),
        ["openssl"] = ("openssl", new[] { "version" }),
        ["kubectl"] = ("kubectl", new[] { "version", "--client" }),
        ["cargo"] = ("cargo", new[] { "--version" }),
        ["rustc"] = ("rustc", new[] { "--version" }),
    };

    private static readonly ConcurrentDictionary<string, ToolProbe> Probes = new(StringComparer.Ordinal);

    /// <summary>The full path of the first <paramref name="program"/> on PATH that runs, or null.</summary>
    public static string? Find(string program) => Probe(program).Path;

    /// <summary>The program's probe, run once per test process.</summary>
    public static ToolProbe Probe(string program) => Probes.GetOrAdd(program, p => ToolProbe.FirstThatRuns(p, Known[p].Probe, environment: null));

    /// <summary>The Debian package(s) that provide <paramref name="program"/>.</summary>
    public static string PackageOf(string program) => Known[program].Package;

    /// <summary>Why the test cannot run here (each program that does not run, why, and the packages), in one line, or null.</summary>
    public static string? MissingReason(params string[] programs) => Describe(programs.Select(p => (p, Probe(p))));

    /// <summary>The probes that failed as one line: each program and why, then the Debian packages to install; null when all ran.</summary>
    public static string? Describe(IEnumerable<(string Program, ToolProbe Probe)> probes)
    {
        var failing = probes.Where(x => x.Probe.Path is null).ToList();
        return failing.Count == 0
            ? null
            : $"needs {string.Join("; ", failing.Select(x => $"{x.Program} ({x.Probe.Problem})"))} (Debian: apt-get install {string.Join(' ', failing.SelectMany(x => PackageOf(x.Program).Split(' ')).Distinct())}; .ci/run installs them)";
    }

    /// <summary>Every file named <paramref name="program"/> on <paramref name="searchPath"/> (default: this process's PATH), in order.</summary>
    public static IEnumerable<string> OnPath(string program, string? searchPath = null) =>
        (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .Where(File.Exists)
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal);
}

/// <summary>The outcome of running a program once: the path of one that ran, or what went wrong with each candidate.</summary>
/// <param name="Path">The program that ran, or null.</param>
/// <param name="Problem">Why none ran (one line), or null.</param>
public sealed record ToolProbe(string? Path, string? Problem)
{
    /// <summary>Runs each candidate on PATH (the environment's, if it sets one) with <paramref name="arguments"/> until one exits 0.</summary>
    public static ToolProbe FirstThatRuns(string program, string[] arguments, IDictionary<string, string>? environment)
    {
        var candidates = RealTools.OnPath(program, environment?.TryGetValue("PATH", out var path) == true ? path : null).ToList();
        if (candidates.Count == 0)
        {
            return new ToolProbe(null, "not on PATH");
        }

        var problems = new List<string>();
        foreach (var candidate in candidates)
        {
            if (Runs(candidate, arguments, environment) is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            return new ToolProbe(candidate, null);
        }

        return new ToolProbe(null, string.Join("; ", problems));
    }

    /// <summary>Null when <paramref name="program"/> runs and exits 0; otherwise what it said, in one line.</summary>
    public static string? Runs(string program, string[] arguments, IDictionary<string, string>? environment)
    {
        try
        {
            var result = ProcessRunner.Run(program, arguments, System.IO.Path.GetTempPath(), environment, TimeSpan.FromSeconds(30));
            if (result.ExitCode == 0)
            {
                return null;
            }

            var first = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
            return $"{program} {string.Join(' ', arguments)} exited {result.ExitCode}: {first}";
        }
        catch (Exception e) when (e is Win32Exception or TimeoutException)
        {
            return $"{program} does not run: {e.Message}";
        }
    }
}
