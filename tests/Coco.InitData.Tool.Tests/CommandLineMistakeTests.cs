using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>The command line tried with the mistakes a new user makes.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class CommandLineMistakeTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    [Theory]
    [InlineData("generate --registy registry.example.internal:5000", "'--registy' is not an option of 'coco-initdata generate'; did you mean '--registry'? Run 'coco-initdata generate --help' for its options.")]
    [InlineData("digest --jsn initdata.toml", "'--jsn' is not an option of 'coco-initdata digest'; did you mean '--json'? Run 'coco-initdata digest --help' for its options.")]
    [InlineData("digest initdata.toml --jsn", "'--jsn' is not an option of 'coco-initdata digest'; did you mean '--json'? Run 'coco-initdata digest --help' for its options.")]
    [InlineData("certs create --hots r:5000 -o certs", "'--hots' is not an option of 'coco-initdata certs create'; did you mean '--host'? Run 'coco-initdata certs create --help' for its options.")]
    public void An_unknown_option_is_named_with_the_nearest_one_not_blamed_on_the_next_word(string commandLine, string message)
    {
        var result = Tool.Run(Folder.Path, commandLine.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("coco-initdata: error CID4031: " + message + "\n", result.StandardError);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public void An_unknown_option_with_nothing_close_is_still_named_as_an_option()
    {
        var result = Tool.Run(Folder.Path, "digest", "x", "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("coco-initdata: error CID4032: '--frobnicate' is not an option of 'coco-initdata digest'. Run 'coco-initdata digest --help' for its options.\n", result.StandardError);
    }

    [Theory]
    [InlineData("cert create --host r:5000 -o certs", "CID4033: 'cert' is not a command of 'coco-initdata'; did you mean 'certs'?")]
    [InlineData("certs creat --host r:5000 -o certs", "CID4033: 'creat' is not a command of 'coco-initdata certs'; did you mean 'create'?")]
    [InlineData("frobnicate", "CID4034: 'frobnicate' is not a command of 'coco-initdata'; the commands are generate, verify, digest, decode, inspect, annotate, probe, certs.")]
    public void A_mistyped_command_is_named_with_the_nearest_command_in_one_line(string commandLine, string message)
    {
        var result = Tool.Run(Folder.Path, commandLine.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("coco-initdata: error " + message, result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CID1008", 2, "digest", "/nonexistent/initdata.toml", "--json")]
    [InlineData("CID4004", 1, "inspect", "bad.txt", "--json")]
    [InlineData("CID1008", 2, "verify", "--ca", "missing.pem", "--json")]
    [InlineData("CID1015", 2, "digest", "folder", "--json")]
    [InlineData("CID4009", 2, "certs", "create", "--host", "a/b", "-o", "certs", "--json")]
    public void JSON_is_exactly_one_object_also_when_the_input_is_missing_or_bad(string code, int exitCode, params string[] arguments)
    {
        Folder.Write("bad.txt", "bad\n");
        Directory.CreateDirectory(Path.Combine(Folder.Path, "folder"));

        var result = Tool.Run(Folder.Path, arguments);

        Assert.Equal(exitCode, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.False(json.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(exitCode, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(code, json.RootElement.GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Contains("error " + code + ":", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void JSON_with_an_unknown_option_is_still_one_object()
    {
        var result = Tool.Run(Folder.Path, "digest", "x.toml", "--json", "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("CID4032", json.RootElement.GetProperty("findings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void A_folder_given_where_a_file_is_expected_says_it_is_a_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Folder.Path, "certs")).FullName;

        var digest = Tool.Run(Folder.Path, "digest", "certs");
        var verify = Tool.Run(Folder.Path, "verify", "--ca", "certs");
        var generate = Tool.Run(Folder.Path, "generate", "--ca", "certs", "--kbs-url", "https://kbs.example.internal:8080", "-o", "out");

        Assert.Equal(2, digest.ExitCode);
        Assert.Equal($"certs: error CID1015: Input file 'certs' is a directory (looked at '{folder}'). Name a file inside it.\n", digest.StandardError);
        Assert.Equal(2, verify.ExitCode);
        Assert.Contains("error CID1015: Input file 'certs' is a directory", verify.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, generate.ExitCode);
        Assert.Contains($"error CID1015: InitDataCertificate file 'certs' is a directory (looked at '{folder}')", generate.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", digest.StandardError + verify.StandardError + generate.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\'')]
    public void An_annotation_pasted_with_its_quotes_gets_a_hint_to_remove_them(char quote)
    {
        var annotation = File.ReadAllText(RepositoryPaths.Vector("tv2-kata-policy-howto.annotation")).Trim();
        var path = Folder.Write("pasted.annotation", quote + annotation + quote + "\n");

        var result = Tool.Run(Folder.Path, "digest", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{path}: error CID4037: '{path}' holds an annotation value wrapped in quotes ({quote}H4sI...{quote}): remove the surrounding quotes; the value is the text between them, as kubectl prints it with -o jsonpath.\n", result.StandardError);
    }

    [Theory]
    [InlineData("-p:Stage=prod;Port=8443")]
    [InlineData("-p:Stage=prod,Port=8443")]
    [InlineData("/p:Stage=prod;Port=8443")]
    [InlineData("-property:Stage=prod", "/p:Port=8443")]
    [InlineData("-p", "Stage=prod;Port=8443")]
    public void Properties_split_on_semicolons_as_MSBuild_reads_them(params string[] properties)
    {
        var project = Folder.Write("App/App.csproj", """
            <Project>
              <PropertyGroup>
                <InitDataKbsUrl>https://kbs.$(Stage).example.internal:$(Port)</InitDataKbsUrl>
              </PropertyGroup>
            </Project>
            """);

        var result = Tool.Run(Folder.Path, new[] { "generate", project, "-o", "out" }.Concat(properties).ToArray());

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("url = \"https://kbs.prod.example.internal:8443\"", File.ReadAllText(Path.Combine(Folder.Path, "out", "initdata.toml")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_property_value_keeps_its_semicolons()
    {
        var project = Folder.Write("App/App.csproj", """
            <Project>
              <PropertyGroup>
                <InitDataKbcName>offline_fs_kbc</InitDataKbcName>
              </PropertyGroup>
            </Project>
            """);

        var result = Tool.Run(Folder.Path, "generate", project, "-o", "out", "-p:InitDataUnqualifiedSearchRegistries=\"docker.io;quay.io\"");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("\"quay.io\"", File.ReadAllText(Path.Combine(Folder.Path, "out", "initdata.toml")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_certificate_report_says_profiles_as_written_and_counts_in_the_singular()
    {
        var created = Tool.Run(Folder.Path, "certs", "create", "--host", "registry.example.internal:5000", "-o", "certs");
        Assert.True(created.ExitCode == 0, created.Output);

        // Past the CA's ten years: expired, one error.
        var result = Tool.Run(Folder.Path, "verify", "--ca", "certs/registry-ca.pem", "--validation-time", "2040-01-01T00:00:00Z");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("guest profiles rustls;openssl\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("verdict: rejected (1 error, 0 warnings)\n", result.StandardOutput, StringComparison.Ordinal);
    }
}
