namespace Coco.InitData.Testing;

/// <summary>
/// A cargo and the rustc beside it that both run: a rustup proxy first on PATH with no toolchain for this user
/// (a fresh home folder) fails, so the next pair on PATH is tried, which is Debian's /usr/bin/cargo and
/// /usr/bin/rustc on a Debian machine. Cargo is told which rustc to use, so a rustup rustc never stands in.
/// </summary>
/// <param name="Cargo">The cargo that ran.</param>
/// <param name="Rustc">The rustc beside it, which ran too.</param>
public sealed record RustToolchain(string Cargo, string Rustc)
{
    /// <summary>The first pair on PATH (the environment's, if it sets one) that runs with <paramref name="environment"/>, or why none does.</summary>
    public static (RustToolchain? Toolchain, string? Problem) Find(IDictionary<string, string> environment)
    {
        var problems = new List<string>();
        foreach (var cargo in RealTools.OnPath("cargo", environment.TryGetValue("PATH", out var path) ? path : null))
        {
            var rustc = Path.Combine(Path.GetDirectoryName(cargo)!, "rustc");
            var problem = ToolProbe.Runs(cargo, new[] { "--version" }, environment)
                ?? (File.Exists(rustc) ? ToolProbe.Runs(rustc, new[] { "--version" }, environment) : $"no rustc beside {cargo}");
            if (problem is null)
            {
                return (new RustToolchain(cargo, rustc), null);
            }

            problems.Add(problem);
        }

        return (null, problems.Count == 0 ? "cargo is not on PATH" : string.Join("; ", problems));
    }

    /// <summary><paramref name="environment"/> with RUSTC set to this pair's rustc.</summary>
    public Dictionary<string, string> With(IDictionary<string, string> environment) => new(environment) { ["RUSTC"] = Rustc };
}
