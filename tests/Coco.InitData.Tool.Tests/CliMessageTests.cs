using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>What the tool says when it is run as a newcomer runs it: no command, an empty pipe, the wrong file, a missing option.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class CliMessageTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private const string Document = "version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n\"policy.rego\" = \"x\"\n";

    // git 2.39 (git.c, no command: usage on stdout, exit 1) and dotnet 10.0.401 (muxer help, exit 129) both print
    // their help and fail; the failure here is 2, the tool's code for usage (1 means findings).
    [Theory]
    [InlineData]
    [InlineData("certs")]
    [InlineData("--verbose")]
    public void No_command_prints_the_help_on_standard_output_and_exits_with_the_usage_code(params string[] arguments)
    {
        var result = Tool.Run(Folder.Path, arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(arguments.Contains("certs") ? "create" : "generate", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.StandardError);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    public void Empty_standard_input_says_standard_input_is_empty(string input)
    {
        var result = Tool.RunWith(Folder.Path, null, input, "digest", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("<stdin>: error CID4041: Standard input is empty:", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("version must be", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_says_the_file_is_empty()
    {
        Folder.Write("initdata.toml", string.Empty);

        var result = Tool.Run(Folder.Path, "inspect", "initdata.toml");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("initdata.toml: error CID4042: 'initdata.toml' is empty:", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n</Project>\n", "CID4044: 'my.csproj' is an MSBuild project", "run coco-initdata generate my.csproj")]
    [InlineData("App.xml", "<?xml version=\"1.0\"?>\n<!-- the app -->\n<Project>\n</Project>\n", "CID4044: 'App.xml' is an MSBuild project", "run coco-initdata generate App.xml")]
    [InlineData("ca.pem", null, "CID4043: 'ca.pem' holds a PEM certificate", "run coco-initdata verify --ca ca.pem.")]
    public void A_file_of_another_kind_names_the_command_meant_for_it(string name, string? content, string what, string hint)
    {
        Folder.Write(name, content ?? TestPki.Root("Wrong Kind Root").Pem);

        var result = Tool.Run(Folder.Path, "digest", name);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(what, result.StandardError, StringComparison.Ordinal);
        Assert.Contains(hint, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("CID4005", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_marks_only_the_served_certificate_when_a_CA_of_the_same_name_did_not_sign_it()
    {
        // Two CAs named alike (certs create named every CA the same before): the declared one is innocent, and
        // CID2061 names its fingerprint only as the issuer it looked at.
        var declared = TestPki.Root("Same Name CA");
        var other = TestPki.Root("Same Name CA", KeyKind.EcP384);
        Folder.Write("ca.pem", declared.Pem);
        Folder.Write("chain.pem", TestPki.Server(other, new[] { "registry.example.internal" }).Pem);

        var text = Tool.Run(Folder.Path, "verify", "--ca", "ca.pem", "--server-chain", "chain.pem", "--host", "registry.example.internal:5000", "--validation-time", "2026-06-01");
        var json = Tool.Run(Folder.Path, "verify", "--ca", "ca.pem", "--server-chain", "chain.pem", "--host", "registry.example.internal:5000", "--validation-time", "2026-06-01", "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("error CID2061", text.StandardError, StringComparison.Ordinal);
        Assert.Contains("\nok      registry CA ", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\nerror   served chain ", text.StandardOutput, StringComparison.Ordinal);
        var rows = JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("certificates").EnumerateArray()
            .ToDictionary(c => c.GetProperty("role").GetString()!, c => c.GetProperty("verdict").GetString());
        Assert.Equal("ok", rows["registry CA"]);
        Assert.Equal("error", rows["served chain"]);
    }

    [Fact]
    public void A_served_chain_without_host_says_host_is_required()
    {
        Folder.Write("ca.pem", TestPki.Root("Host Root").Pem);
        Folder.Write("chain.pem", TestPki.Server(TestPki.Root("Host Root"), new[] { "registry.example.internal" }).Pem);

        var result = Tool.Run(Folder.Path, "verify", "--ca", "ca.pem", "--server-chain", "chain.pem");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("coco-initdata: error CID4047: --server-chain needs --host: a served chain is checked for the registry host[:port] it is served for, as the guest checks it when it pulls. Fix: add --host, for example --host registry.example.internal:5000.\n", result.StandardError);
    }

    [Fact]
    public void Verify_help_says_what_PROJECT_is_with_expect_digest_and_that_host_goes_with_server_chain()
    {
        var result = Tool.Run(Folder.Path, "verify", "--help");

        Assert.Equal(0, result.ExitCode);
        var help = Words(result.StandardOutput);
        Assert.Contains("With --expect-digest, the file to check instead: a manifest, an annotation value or an initdata document ('-' or left out: standard input).", help, StringComparison.Ordinal);
        Assert.Contains("(required with --server-chain)", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_time_takes_a_date_alone_as_its_midnight_UTC_and_says_so()
    {
        Folder.Write("ca.pem", TestPki.Root("Date Root").Pem);

        var result = Tool.Run(Folder.Path, "verify", "--ca", "ca.pem", "--validation-time", "2026-01-31", "--json");
        var help = Tool.Run(Folder.Path, "inspect", "--help");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("2026-01-31T00:00:00Z", JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("validationTime").GetString());
        Assert.Contains("or a date alone such as 2026-01-31 for its midnight UTC", Words(help.StandardOutput), StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_says_1_byte_not_1_bytes()
    {
        Folder.Write("initdata.toml", Document);

        var result = Tool.Run(Folder.Path, "inspect", "initdata.toml");

        Assert.Contains("\npolicy       1 byte\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_notes_the_cca_padding_only_when_cca_is_asked_for()
    {
        Folder.Write("initdata.toml", Document);

        var all = Tool.Run(Folder.Path, "digest", "initdata.toml");
        var cca = Tool.Run(Folder.Path, "digest", "initdata.toml", "--tee", "cca");

        Assert.True(all.ExitCode == 0 && cca.ExitCode == 0, all.Output + cca.Output);
        Assert.Contains("  cca   RPV ", all.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("use sha512 for CCA", all.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("use sha512 for CCA", cca.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("  snp ", cca.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_of_a_project_checked_from_another_folder_are_shown_from_the_current_folder()
    {
        using var project = new WorkloadProject();
        project.Write("certs/ca.pem", TestPki.Root("Shown Path Root").Pem);
        project.WriteProject(
            "<ItemGroup><InitDataRegistry Include=\"registry.example.internal:5000\" CertificateAuthority=\"certs/ca.pem\" /></ItemGroup>",
            "<InitDataKbsUrl>https://kbs.example.internal:8080</InitDataKbsUrl><InitDataValidationTime>2026-06-01T00:00:00Z</InitDataValidationTime>");
        var parent = Path.GetDirectoryName(project.Directory)!;
        var folder = Path.GetFileName(project.Directory);

        var verify = Tool.Run(parent, "verify", project.ProjectPath);
        var generate = Tool.Run(parent, "generate", project.ProjectPath);

        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains($"\n        {folder}/certs/ca.pem, sha256 ", verify.StandardOutput, StringComparison.Ordinal);
        Assert.True(generate.ExitCode == 0, generate.Output);
        Assert.Contains($" -> {folder}/bin/Debug/net10.0/initdata/initdata.toml sha256:", generate.StandardOutput, StringComparison.Ordinal);
    }

    // Help text wraps at the terminal's width: compared as words.
    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
