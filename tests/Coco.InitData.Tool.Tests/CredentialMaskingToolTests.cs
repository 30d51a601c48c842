using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// Every option that takes a registry or annotation name refuses one written with a password, and nothing the tool
/// prints (standard error, standard output, the --json object) holds the password: the name is shown with its user
/// information masked as CID1060 masks a URL.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class CredentialMaskingToolTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private const string Password = "Hunter2Secret";

    [Theory]
    [InlineData("CID1001", "--registry", "bob:" + Password + "@registry.example.internal")]
    [InlineData("CID1001", "--registry", "bob:" + Password + "@registry.example.internal=ca.pem")]
    [InlineData("CID1001", "--insecure-registry", "bob:" + Password + "@registry.example.internal:5000")]
    [InlineData("CID1001", "--blocked-registry", "bob:" + Password + "@registry.example.internal")]
    [InlineData("CID1001", "--mirror", "bob:" + Password + "@mirror.example.internal=registry.example.internal")]
    [InlineData("CID1023", "--mirror", "mirror.example.internal=bob:" + Password + "@registry.example.internal")]
    [InlineData("CID1013", "--annotation-name", "bob:" + Password + "@example.com/cc_init_data")]
    public void A_password_in_a_name_option_is_refused_and_never_printed(string code, string option, string value)
    {
        foreach (var json in new[] { false, true })
        {
            var arguments = new List<string> { "generate", option, value, "--kbc-name", "offline_fs_kbc", "-o", "out" };
            if (json)
            {
                arguments.Add("--json");
            }

            var result = Tool.Run(Folder.Path, arguments.ToArray());

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(code, result.Output, StringComparison.Ordinal);
            Assert.Contains("***@", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Hunt", result.Output, StringComparison.Ordinal);
        }
    }
}
