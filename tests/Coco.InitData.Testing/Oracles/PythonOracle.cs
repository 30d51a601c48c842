using System.Text.Json;

namespace Coco.InitData.Testing;

/// <summary>
/// Runs the Python oracle scripts (the scripts/ folder each test project copies beside itself): Python's own
/// tomllib/hashlib/gzip/base64/yaml, not our code grading itself.
/// </summary>
public static class PythonOracle
{
    /// <summary>Why the Python oracle cannot run here (python3 with tomllib and yaml, probed once), or null.</summary>
    public static string? SkipReason => RealTools.MissingReason("python3");

    // The first python3 on PATH that runs with tomllib and yaml (a pyenv shim without a version falls back to Debian's).
    private static string Python => Oracle.Require("python3");

    /// <summary>Runs a script under scripts/ and parses the JSON it prints; fails the test with its output otherwise.</summary>
    public static JsonElement Run(string script, params string[] arguments)
    {
        using var document = JsonDocument.Parse(Text(script, arguments));
        return document.RootElement.Clone();
    }

    /// <summary>Runs a script under scripts/ and returns what it prints; fails the test with its output otherwise.</summary>
    public static string Text(string script, params string[] arguments)
    {
        var result = ProcessRunner.Run(Python, new[] { RepositoryPaths.Script(script) }.Concat(arguments), timeout: TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"python3 {script} failed ({result.ExitCode}): {result.Output}");
        }

        return result.StandardOutput;
    }

    /// <summary>Parses TOML text with tomllib (TOML 1.0) and returns it as JSON.</summary>
    public static JsonElement ParseToml(string toml)
    {
        var result = ProcessRunner.Run(Python, new[] { RepositoryPaths.Script("toml_to_json.py") }, standardInput: toml, timeout: TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException("tomllib rejected the document: " + result.Output);
        }

        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }
}
