using System.Text.Json;

namespace Coco.InitData.Tests.EndToEnd;

/// <summary>
/// What a user sees in a terminal: MSBuild's terminal logger (the default there) shows errors with their codes and
/// lines but no package message at the default verbosity (README "Seeing the result"), and the
/// documented `-getProperty` command prints the digest, also on a build with nothing to do.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(BuildCollection))]
public sealed class TerminalLoggerTests
{
    [SkippableFact]
    public void The_terminal_logger_shows_our_errors_with_code_and_line()
    {
        using var project = new WorkloadProject();
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="https://registry.example.internal" />
              </ItemGroup>
            """, "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>");

        var result = project.Run("build", project.ProjectPath, "-tl:on", "-nologo");

        Assert.Equal(1, result.ExitCode);
        var line = Array.FindIndex(File.ReadAllLines(project.ProjectPath), l => l.Contains("https://registry", StringComparison.Ordinal)) + 1;
        var text = WithoutTerminalEscapes(result.Output);
        Assert.Contains($"Workload.csproj({line},", text, StringComparison.Ordinal);
        Assert.Contains("error CID1001", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_terminal_logger_hides_the_summary_and_getProperty_prints_the_digest_after_a_build_and_a_no_op_build()
    {
        using var project = new WorkloadProject();
        project.Write("certs/ca.pem", TestPki.Root().Pem);
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />
              </ItemGroup>
            """, "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl><InitDataValidationTime>2026-06-01T00:00:00Z</InitDataValidationTime>");

        var terminal = project.Run("build", project.ProjectPath, "-tl:on", "-nologo");
        var written = File.GetLastWriteTimeUtc(Path.Combine(project.OutputPath, "initdata.toml"));
        var afterNoOp = project.Run("build", project.ProjectPath, "-t:Build,GenerateInitData", "-getProperty:InitDataDigest", "-getProperty:InitDataOutputPath");
        var digestOnly = project.Run("build", project.ProjectPath, "-t:Build,GenerateInitData", "-getProperty:InitDataDigest");

        Assert.True(terminal.ExitCode == 0, terminal.Output);
        // The limitation the README states: if a future terminal logger shows it, the README must say so.
        Assert.DoesNotContain("InitData: 1 registry", WithoutTerminalEscapes(terminal.Output), StringComparison.Ordinal);
        Assert.Contains("succeeded", WithoutTerminalEscapes(terminal.Output), StringComparison.Ordinal);
        Assert.True(afterNoOp.ExitCode == 0, afterNoOp.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(project.OutputPath, "initdata.toml")));
        var expected = "sha256:" + PythonOracle.Run("check_initdata.py", project.OutputPath).GetProperty("digest").GetString();
        using var json = JsonDocument.Parse(afterNoOp.StandardOutput);
        var properties = json.RootElement.GetProperty("Properties");
        Assert.Equal(expected, properties.GetProperty("InitDataDigest").GetString());
        Assert.Equal(project.OutputPath + Path.DirectorySeparatorChar, properties.GetProperty("InitDataOutputPath").GetString());
        Assert.Equal(expected, digestOnly.StandardOutput.Trim());
    }

    // The terminal logger colours and moves the cursor with CSI sequences and links with OSC sequences.
    private static string WithoutTerminalEscapes(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)", string.Empty);
}
