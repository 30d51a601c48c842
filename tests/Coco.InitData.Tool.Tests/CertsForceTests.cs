using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary><c>certs create --force</c> over existing files: staged under temporary names, then renamed.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class CertsForceTests(InstalledTool tool)
{
    [Fact]
    public void Force_over_a_world_readable_key_leaves_an_owner_only_key_and_no_temporary_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        var key = dir.Write("certs/registry.key", "old key\n");
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = tool.Run(dir.Path, "certs", "create", "--host", "localhost", "-o", "certs", "--force");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        // The new key, not the old text: it imports as the P-256 key `certs create` makes by default.
        using var imported = System.Security.Cryptography.ECDsa.Create();
        imported.ImportFromPem(File.ReadAllText(key));
        Assert.Equal(256, imported.KeySize);
        Assert.Equal(
            new[] { ".gitignore", "registry-ca.key", "registry-ca.pem", "registry.key", "registry.pem" },
            Directory.GetFiles(Path.Combine(dir.Path, "certs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
